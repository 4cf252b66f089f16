# The lake: its files, ledger and lock. Vietnamese.
lake-io = không thể { $action } { $path }: { $error }{ $hint }
lake-action = { $action ->
    [create] tạo
    [open] mở
    [read] đọc
    [write] ghi
    [remove] xoá
    [rename] đổi tên
    [replace] thay thế
    [sync] ghi xuống đĩa
    [lock] khoá
   *[other] { $action }
 }
lake-hint-full = ; ổ đĩa chứa kho dữ liệu (lake) đã đầy: hãy giải phóng dung lượng (hoặc chọn --lake khác) rồi chạy lại
lake-hint-read-only = ; thư mục kho dữ liệu (lake) chỉ cho phép người dùng này đọc: hãy xin quyền ghi, hoặc chọn --lake khác
lake-ledger-unreadable = không đọc được sổ cái (ledger) { $path } của kho dữ liệu ({ $error }); hãy khôi phục từ bản sao lưu hoặc nạp dữ liệu vào một kho dữ liệu mới
lake-data-file = không đọc hoặc ghi được tệp dữ liệu { $path } của kho dữ liệu ({ $error }); nếu tệp bị hỏng, hãy khôi phục kho dữ liệu từ bản sao lưu
lake-busy = một lần chạy baocao khác đang dùng { $lake }; hãy chạy lại khi lần đó kết thúc (không có --no-wait thì baocao sẽ chờ)
lake-waiting = một lần chạy baocao khác{ $holder } đang dùng { $lake }; đang chờ lần đó kết thúc (Ctrl-C để thôi chờ; với --no-wait baocao báo lỗi ngay thay vì chờ)
lake-ledger-files-json = danh sách tệp trong sổ cái không phải JSON hợp lệ: { $error }
lake-building-rollup = đang lập bảng tổng hợp (rollup) từ { $n } tệp dữ liệu đã ghi trước đó
lake-column-cast = cột { $column }: { $error }
lake-column-missing = thiếu cột { $column }
lake-column-empty = cột { $column } trống ở dòng { $row }
lake-column-not-date = cột { $column } không phải là ngày ở dòng { $row }
lake-column-not-time = cột { $column } không phải là thời điểm ở dòng { $row }
lake-bad-precision = date_precision { $value } không phải là day hay month
lake-bad-period = period { $value } ở dòng { $row } không phải là kỳ báo cáo
lake-bad-reason-code = reason_code { $value } không phải là mã lý do
lake-column-unreadable = không đọc được cột { $column } ở dòng { $row }
lake-store = không kết nối được kho dữ liệu { $lake }: { $error }; hãy kiểm tra AWS_ENDPOINT_URL, AWS_REGION và thông tin đăng nhập (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), và bucket đã được tạo chưa (địa chỉ http:// cần AWS_ALLOW_HTTP=true)
lake-location = không dùng được { $lake } làm kho dữ liệu: { $error }
lake-s3-no-bucket = kho trên S3 được ghi dạng s3://BUCKET/THƯ-MỤC
lake-s3-not-built = bản baocao này được biên dịch không kèm lưu trữ đối tượng; hãy biên dịch bằng `cargo build --release --features s3`, hoặc dùng một thư mục trên máy
lake-scheme-unknown = kho dữ liệu của baocao là một thư mục trên máy hoặc s3://BUCKET/THƯ-MỤC (lưu trữ tương thích S3)
lake-contended = { $n } lần liền có lượt chạy khác ghi vào { $lake } trước lượt này; chưa có gì của lượt này được ghi: hãy chạy lại
lake-lost-race = một lượt chạy khác vừa ghi vào kho trước; đang đọc lại và thử lại
lake-kept-theirs = { $n } tệp của lượt này đã được một lượt chạy khác ghi vào kho trong lúc chờ; giữ bản đã ghi đó
lake-file-missing = tệp không còn trong kho
