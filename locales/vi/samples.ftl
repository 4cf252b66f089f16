# Các báo cáo mẫu và bộ dữ liệu sinh ra (baocao gen, baocao demo).
samples-cannot-write = không ghi được { $path }: { $error }
samples-at-least-one = --provinces, --units-per-province và --years đều phải từ 1 trở lên
samples-no-first-year = dữ liệu tham chiếu đi kèm không có năm { $year }
