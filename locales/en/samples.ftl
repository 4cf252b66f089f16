# The sample reports and the generated corpus (baocao gen, baocao demo).
samples-cannot-write = cannot write { $path }: { $error }
samples-at-least-one = --provinces, --units-per-province and --years must each be at least 1
samples-no-first-year = the bundled reference has no { $year }
