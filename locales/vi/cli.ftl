# Dòng lệnh: các tiêu đề của clap, lỗi thường gặp khi đọc tham số, và lời
# giúp của từng lệnh (cli-<lệnh>) và từng tham số (cli-<lệnh>-arg-<tham số>).
cli-heading-usage = Cách dùng:
cli-heading-options = Tuỳ chọn
cli-heading-arguments = Tham số
cli-heading-commands = Lệnh
cli-help = In lời giúp
cli-version = In phiên bản
cli-error-unknown-argument = không có tham số '{ $arg }': kiểm tra lại chính tả trong lời giúp
cli-error-unknown-command = không có lệnh '{ $command }': xem các lệnh trong lời giúp
cli-error-invalid-value = '{ $value }' không phải là giá trị của { $arg }: hãy ghi một trong các giá trị { $valid }
cli-error-missing-argument = thiếu { $arg }, tham số này là bắt buộc
cli-error-bad-value = '{ $value }' không phải là giá trị hợp lệ của { $arg }: { $why }
cli-error-try-help = Để biết thêm, chạy lệnh với '--help'.
