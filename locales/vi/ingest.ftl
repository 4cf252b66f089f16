# Nhập báo cáo: phần tóm tắt từng tệp và dòng tổng mà `baocao ingest` in ra,
# hộp thư đến, các lỗi dừng lượt chạy và lý do từ chối ngày tháng, con số. Tiếng Việt.

## Tóm tắt từng tệp (tình trạng, đường dẫn, kết quả các dòng)
ingest-file-ok = nhận     { $path }  [{ $what }; { $detail }]: { $counts }
ingest-count-accepted = { $n } mục được nhận
ingest-count-refused = { $n } dòng bị từ chối
ingest-count-skipped = { $n } dòng mẫu hoặc dòng tổng được bỏ qua
ingest-count-headings = { $n } dòng tiêu đề mục
ingest-file-same = trùng    { $path }  [{ $what }]: đã có trong kho, không có gì thay đổi
ingest-file-duplicate = trùng    { $path }: nội dung giống hệt một tệp ở trên, chỉ đọc một lần
ingest-file-refused = TỪ CHỐI  { $path }: { $why }
ingest-file-refused-again = từ chối  { $path } (lặp lại, đã ghi nhận trước đây): { $why }
ingest-skipped = bỏ qua   { $path }: { $why }
ingest-note = ghi chú: { $note }
ingest-row = dòng { $row }
ingest-more-refused = ... và { $n } dòng bị từ chối khác (xem bảng rejects)
ingest-supersedes = thay thế { $old }
ingest-replaces-with-nothing = báo cáo này không có hoạt động nào, nhưng lại thay thế một báo cáo có { $items } mục: đề nghị kiểm tra lại với đơn vị xem có đúng như vậy không
ingest-not-current = được lưu nhưng không phải bản hiện hành: trong kho đã có một báo cáo của { $what } nhận sau báo cáo này
ingest-unlisted = (không liệt kê { $n } tệp đọc bình thường, vì có hơn { $most } tệp)
ingest-lake = kho: { $path }
ingest-orphans-removed = đã xoá { $n } tệp do một lượt chạy bị gián đoạn để lại
ingest-totals = { $files } tệp: { $ingested } { $dry ->
    [yes] tệp sẽ được nhập (chạy thử: không ghi gì)
   *[no] tệp được nhập
    }, { $same } tệp đã có trong kho, { $refused } tệp bị từ chối; { $items } mục được nhận, { $rows } dòng bị từ chối; { $corrections } bản sửa đổi

## Hộp thư đến: những đường dẫn trong thư mục không được đọc
ingest-skipped-link = là liên kết tượng trưng; liên kết trong thư mục không được đọc theo, để hộp thư đến không dẫn ra ngoài chính nó: hãy chép tệp vào thư mục, hoặc ghi tên tệp trên dòng lệnh
ingest-skipped-special = không phải tệp thông thường (ống dẫn, socket hoặc thiết bị): chỉ đọc các tệp báo cáo

## Những lỗi dừng cả lượt chạy
ingest-error-missing = không tìm thấy tệp hoặc thư mục '{ $path }': đề nghị kiểm tra lại đường dẫn
ingest-error-not-a-file = { $path } không phải tệp hay thư mục (mà là ống dẫn, socket hoặc thiết bị): hãy ghi tên các tệp báo cáo hoặc thư mục chứa chúng
ingest-error-unreadable = không đọc được { $path }: { $error }; hãy kiểm tra tệp vẫn còn đó và người dùng này có quyền đọc, rồi chạy lại

## Tệp bị từ chối toàn bộ trong lượt chạy
ingest-reader-stopped = Không đọc được tệp: bộ đọc dừng lại ở tệp này ({ $panic } tại { $location }); có thể tệp bị hỏng: hãy mở tệp bằng Excel hoặc trình soạn thảo văn bản, lưu lại rồi gửi lại, đồng thời gửi tệp cho nhóm duy trì baocao.
ingest-named-as = tệp có đuôi .{ $ext } nhưng thực chất là { $format }: đã đọc theo định dạng thực của tệp

## Ô không đọc được (phần cuối của câu bắt đầu bằng nội dung ô)
ingest-cell-formula = là công thức chưa có kết quả lưu sẵn (bảng tính được lưu mà chưa tính toán): hãy mở tệp bằng Excel, để Excel tính, lưu lại rồi gửi lại
ingest-value-too-large = quá lớn, không thể là một số đếm: hãy kiểm tra lại con số
ingest-value-too-large-plain = quá lớn
ingest-value-above-most = lớn hơn mức tối đa một dòng báo cáo có thể ghi (nhiều nhất { $most }): hãy kiểm tra lại con số
ingest-value-ambiguous-time = không rõ là bao nhiêu thời gian: hãy ghi số phút (90), hoặc giờ, phút và giây (1:30:00)
ingest-value-ambiguous-minutes = có thể là { $a },{ $short } phút hoặc { $a }{ $b } phút: hãy ghi { $a }{ $b } nếu là { $a }{ $b } phút, hoặc { $a },{ $short } nếu ít hơn
ingest-value-time = là thời gian, không phải là số
ingest-value-not-whole = không phải là số nguyên
ingest-value-not-a-number = không phải là số
ingest-value-split-whole = không phải là một số nguyên duy nhất (dấu cách hoặc dấu xuống dòng đã tách nó ra)
ingest-value-split-number = không phải là một số duy nhất (dấu cách hoặc dấu xuống dòng đã tách nó ra)
ingest-value-spreadsheet-error = là lỗi của bảng tính, không phải là số: hãy sửa công thức trong Excel hoặc LibreOffice, lưu lại tệp rồi gửi lại

## Các trường của biểu mẫu, như các thông báo gọi tên
