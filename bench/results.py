"""Writing one section of bench/RESULTS.md, between its `<!-- NAME -->`
and `<!-- /NAME -->` markers (appended when the file has none yet)."""

import re
from pathlib import Path

RESULTS_MD = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(name, section):
    """Replaces the section `name` of RESULTS.md with `section` (which
    holds its markers) and prints it."""
    text = RESULTS_MD.read_text()
    if f"<!-- {name} -->" in text:
        pattern = rf"<!-- {name} -->.*?<!-- /{name} -->\n"
        text = re.sub(pattern, lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS_MD.write_text(text)
    print(section)
