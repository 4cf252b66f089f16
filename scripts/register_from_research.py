#!/usr/bin/env python3
"""Builds the dated unit register (data/reference/units.csv) and its lineage
(data/reference/unit_lineage.csv) from the 2023 campaign's units and the
2025 research in ../shared/data/register-2025/ (communes-2025.csv,
departments-2025.csv).

Run once from the repository root when the research changes:

    python3 scripts/register_from_research.py ../shared/data/register-2025

The output is committed; baocao reads only the output. The rules:
- every 2023 unit keeps its code; a unit the research says ended gets
  valid_to the day before its change;
- each of the 45 communes and wards of Nghị quyết 1661/NQ-UBTVQH15 is a unit
  of kind commune (xã) or ward (phường) from 2025-07-01, coded
  ubnd-xa-<name> / ubnd-phuong-<name>, with its 2025 administrative code;
  its Phòng Văn hóa - Xã hội reports under the commune's name (aliases),
  as no letter asks that office to report on its own;
- a change without a date in the research (the broadcaster folded into
  Báo Điện Biên Phủ) is not recorded: a lineage row needs a date;
- sources and how sure each row is are kept in the `status` and `source`
  columns.
"""
import csv
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

research = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/register-2025")
root = Path(__file__).resolve().parent.parent
old_units = root / "data/reference/2023/units.csv"
if not old_units.exists():
    old_units = root / "data/reference/units.csv"

LETTER = "Công văn 2023 của Sở TT&TT tỉnh Điện Biên (the campaign letter)"
NQ1661 = "Nghị quyết 1661/NQ-UBTVQH15"


def slug(name):
    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return "-".join(s.split())


def commune_code(name):
    kind, place = name.split(" ", 1)
    prefix = {"xã": "ubnd-xa-", "phường": "ubnd-phuong-"}[kind.lower()]
    return prefix + slug(place)


def day_before(d):
    return (date.fromisoformat(d) - timedelta(days=1)).isoformat()


# the 2023 units only (a second run reads them back from the register)
units = [u for u in csv.DictReader(open(old_units, encoding="utf-8")) if u["valid_from"] < "2025"]
by_code = {u["unit_code"]: u for u in units}
for u in units:
    u.setdefault("admin_code", "")
    u["status"] = "confirmed"
    u["source"] = LETTER

communes = list(csv.DictReader(open(research / "communes-2025.csv", encoding="utf-8")))
# spellings of the same new unit's name that official lists differ on
# (research README, "Spellings that differ between official lists")
VARIANTS = {"Xã Pu Nhi": ["Pú Nhi"], "Xã Sín Chải": ["Xín Chải"]}
name_to_code = {}
new_units = []
for c in communes:
    code = commune_code(c["new_name"])
    assert code not in by_code and code not in name_to_code.values(), code
    kind, place = c["new_name"].split(" ", 1)
    level = kind.lower()
    name_to_code[f"UBND {level} {place}"] = code
    aliases = [f"{level} {place}", f"Phòng Văn hóa - Xã hội {level} {place}"]
    for v in VARIANTS.get(c["new_name"], []):
        aliases += [f"{level} {v}", f"Ủy ban nhân dân {level} {v}"]
    new_units.append({
        "unit_code": code,
        "name_vi": f"Ủy ban nhân dân {level} {place}",
        "unit_kind": {"xa": "commune", "phuong": "ward"}[c["kind"]],
        "parent_code": "",
        "valid_from": "2025-07-01",
        "valid_to": "",
        "aliases": "|".join(aliases),
        "admin_code": c["code_2025"],
        "status": c["status"],
        "source": NQ1661 + "|" + c["source"],
    })

NEW_DEPARTMENTS = {
    "Sở Nông nghiệp và Môi trường": ("so-nnmt", "Sở NN&MT"),
    "Sở Dân tộc và Tôn giáo": ("so-dttg", "Sở DT&TG"),
}
for name_vi, (code, alias) in NEW_DEPARTMENTS.items():
    name_to_code[name_vi] = code
for u in units:
    name_to_code.setdefault(u["name_vi"], u["unit_code"])

deps = list(csv.DictReader(open(research / "departments-2025.csv", encoding="utf-8")))
dep_sources = {}
lineage = []
for d in deps:
    code = d["unit_code"] or next(u["unit_code"] for u in units if u["name_vi"] == d["unit_2023"])
    assert code in by_code, d
    if d["fate"] == "kept":
        continue
    if not d["effective"]:
        print(f"skipped (no date in the research): {code} {d['fate']} into {d['successor']}", file=sys.stderr)
        continue
    successors = []
    for s in d["successor"].split("|"):
        s = s.strip()
        if s.startswith("Phòng Văn hóa - Xã hội, "):
            s = s.removeprefix("Phòng Văn hóa - Xã hội, ")
        successors.append(name_to_code[s])
    kind = d["fate"]
    # a unit whose work went to several successors is a split, whatever the
    # research calls it (Sở TT&TT "merged" into two departments)
    if kind == "merged" and len(successors) > 1:
        kind = "split"
    ended = day_before(d["effective"])
    u = by_code[code]
    assert u["valid_to"] in ("", ended), (code, u["valid_to"], ended)
    u["valid_to"] = ended
    for s in successors:
        lineage.append({
            "predecessor_code": code,
            "successor_code": s,
            "change_date": d["effective"],
            "change_kind": kind,
            "share": "",
            "status": d["status"] or "confirmed",
            "source": d["source"],
        })
    dep_sources.setdefault(d["successor"], d)

for name_vi, (code, alias) in NEW_DEPARTMENTS.items():
    row = next(d for d in deps if name_vi in d["successor"].split("|"))
    units.append({
        "unit_code": code, "name_vi": name_vi, "unit_kind": "department",
        "parent_code": "", "valid_from": row["effective"], "valid_to": "",
        "aliases": alias, "admin_code": "", "status": row["status"] or "confirmed",
        "source": row["source"],
    })

# every commune a district supplied must be among the district's successors
for c in communes:
    code = commune_code(c["new_name"])
    for district in set(c["merged_from_district"].split("|")):
        dcode = next(u["unit_code"] for u in units if u["unit_kind"] == "district"
                     and u["name_vi"].lower().endswith(district.lower().replace("thành phố", "thành phố").split(" ", 1)[1].lower()))
        pairs = {(l["predecessor_code"], l["successor_code"]) for l in lineage}
        if (dcode, code) not in pairs:
            print(f"note: {c['new_name']} takes land of {district} but the research does not list it as a successor of {dcode}", file=sys.stderr)

fields = ["unit_code", "name_vi", "unit_kind", "parent_code", "valid_from", "valid_to",
          "aliases", "admin_code", "status", "source"]
with open(root / "data/reference/units.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fields, lineterminator="\n")
    w.writeheader()
    for u in units + new_units:
        w.writerow({k: u.get(k, "") for k in fields})
lfields = ["predecessor_code", "successor_code", "change_date", "change_kind", "share", "status", "source"]
with open(root / "data/reference/unit_lineage.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, lfields, lineterminator="\n")
    w.writeheader()
    for l in lineage:
        w.writerow(l)
print(f"{len(units) + len(new_units)} units, {len(lineage)} lineage rows", file=sys.stderr)
