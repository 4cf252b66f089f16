# Questions to the lake: SQL errors, named queries and their parameters, query output. Vietnamese.
query-no-lake = không có kho dữ liệu (lake) tại { $lake }: hãy nạp báo cáo trước (baocao ingest PATH --lake { $lake }), hoặc chạy baocao demo
query-read-only = kho dữ liệu chỉ cho phép đọc: { $what } bị từ chối; hãy dùng câu lệnh SELECT để truy vấn
query-statement-ddl = câu lệnh tạo, sửa hoặc xoá bảng hoặc khung nhìn (CREATE, ALTER, DROP)
query-statement-dml = câu lệnh ghi hoặc sao chép dữ liệu (INSERT, UPDATE, DELETE, COPY)
query-statement-other = câu lệnh thay đổi thiết lập hoặc trạng thái của bộ máy truy vấn (SET)
query-no-sql = không có câu lệnh SQL nào để chạy: hãy ghi một câu lệnh, --file FILE, hoặc - để đọc từ đầu vào chuẩn
query-unknown = không có truy vấn có tên '{ $name }'{ $suggestion }; các truy vấn có tên là: { $known } (xem baocao queries)
query-did-you-mean = {" "}(có phải là '{ $name }'?)
query-bad-query-file = tệp truy vấn có tên { $file } sai cấu trúc: { $message }
query-cannot-write = không ghi được { $path } (hãy kiểm tra thư mục có tồn tại và ghi được không, và ổ đĩa còn chỗ trống không)
query-cannot-write-format = không ghi được { $path }: { $message }
query-the-output = đầu ra
query-no-rows = (không có dòng nào; các cột: { $columns })
query-rows = { $n } dòng
query-parquet-needs-output = --format parquet ghi ra tệp: hãy thêm --output FILE.parquet
query-cannot-open = không mở được { $path }: { $error }
query-ledger-unreadable = không đọc được sổ cái (ledger) của kho dữ liệu ({ $error }); hãy khôi phục kho dữ liệu từ bản sao lưu
query-no-reference-folder = thư mục tham chiếu { $folder } không tồn tại; hãy cho --reference thư mục chứa units.csv và các thư mục năm, hoặc bỏ --reference để dùng dữ liệu đi kèm
query-reference-unloadable = không nạp được dữ liệu tham chiếu: { $error }; hãy sửa thư mục (baocao reference check FOLDER liệt kê mọi lỗi), hoặc bỏ --reference để dùng dữ liệu đi kèm
query-syntax-error = lỗi cú pháp SQL: { $error }
query-data-file-damaged = không đọc được một tệp dữ liệu của kho dữ liệu ({ $error }); tệp đã bị hỏng bên ngoài baocao: hãy khôi phục kho dữ liệu từ bản sao lưu (lệnh DuckDB SELECT count(*) FROM 'LAKE/*/**/*.parquet' cho biết tệp bị hỏng)
query-hint-table-nearest = gợi ý: có phải là '{ $name }'? các bảng là { $tables }
query-hint-tables = gợi ý: các bảng là { $tables }
query-no-catalog = DataFusion không có catalog { $catalog }
query-only-comments = đoạn SQL chỉ có chú thích: hãy ghi một câu lệnh sau chú thích
query-param-not-valid = tham số { $name } = '{ $value }' không phải là giá trị { $kind } hợp lệ
query-file-first-line = dòng đầu tiên phải là `-- name: điều truy vấn trả lời`
query-file-name-mismatch = phần đầu tệp ghi tên '{ $name }' nhưng tệp là { $stem }.sql
query-file-not-utf8 = không phải UTF-8
query-takes-none = truy vấn này không nhận tham số nào
query-takes-only = truy vấn này chỉ nhận các tham số { $params }
query-no-such-param = { $query } không có tham số '{ $param }'{ $suggestion }; { $takes }
query-param-needed = { $query } cần --param { $param }=... ({ $doc })
query-param-not-int = tham số { $param } phải là số nguyên, không phải '{ $value }'
query-param-not-date = tham số { $param } phải là ngày dạng YYYY-MM-DD (hoặc dd/mm/yyyy, today, hay none), không phải '{ $value }'
query-say-reason-lang = say_reason: baocao không dùng ngôn ngữ '{ $lang }': hãy ghi 'vi' hoặc 'en'
query-say-arguments = say(id, name, value, ...): hãy ghi mã thông điệp, rồi tên và giá trị của từng đối số
query-session-closed = phiên truy vấn đã đóng
query-param-not-number = tham số { $param } phải là một số (như 3 hoặc 2,5), không phải '{ $value }'
query-include-unknown = tệp chèn truy vấn '{ $name }', nhưng không có truy vấn nào mang tên đó
query-include-param = tệp chèn truy vấn { $name } nhưng chưa khai báo tham số ${ $param } mà truy vấn đó cần
query-param-not-a-choice = tham số { $param } không nhận giá trị '{ $value }'{ $suggestion }: các giá trị hợp lệ là { $choices }
quality-rule-finding = chưa đúng yêu cầu: { $rule } (số liệu của đơn vị: { $left }; mức đối chiếu: { $right })
quality-rule-finding-text = chưa đúng yêu cầu: { $rule } (nội dung của đơn vị: { $lefttext }; đối chiếu với: { $righttext })
quality-outlier = { $field ->
        [reach] lượt tiếp cận
        [duration_min] thời lượng (phút)
       *[other] số lượng
    } { $value } nằm ngoài khoảng thường gặp (từ { $lower } đến { $upper }) của { $n } { $field ->
        [quantity] báo cáo tháng
       *[other] tin, bài, hoạt động cùng hình thức
    } { $baseline ->
        [unit] của chính đơn vị
       *[other] của các đơn vị cùng loại
    } ({ $algorithm ->
        [z] mức trung bình
       *[other] mức ở giữa
    } { $center }): đề nghị kiểm tra lại với đơn vị
quality-outlier-bounds = { $field ->
        [reach] lượt tiếp cận
        [duration_min] thời lượng (phút)
       *[other] số lượng
    } { $value } nằm ngoài mức giới hạn quy định cho hình thức và loại đơn vị này (từ { $lower } đến { $upper }): đề nghị kiểm tra lại với đơn vị
quality-total-mismatch = dòng tổng ('{ $label }', dòng { $row }) ghi { $field ->
        [reach] lượt tiếp cận
       *[other] số lượng
    } là { $stated }, nhưng cộng { $items } mục phía trên được { $sum }{ $refused ->
        [0] {""}
       *[other] {" "}(có { $refused } dòng phía trên bị từ chối, có thể là lý do)
    }
query-param-above = tham số { $param } phải lớn hơn { $limit }, không phải '{ $value }'
query-param-at-least = tham số { $param } phải từ { $limit } trở lên, không phải '{ $value }'
cluster-no-version = phiên bản { $n } của sổ ghi của { $lake } không còn (đã quá một giờ): hãy chạy lại câu lệnh
cluster-store-scheme = cụm chỉ đọc kho trên s3://, không đọc { $scheme }://
cluster-scheduler-listening = bộ điều phối Ballista đang lắng nghe tại { $addr } (baocao query TÊN --lake s3://... --cluster df://{ $addr })
cluster-executor-listening = máy thực thi Ballista đang phục vụ tại { $addr }, đã đăng ký với bộ điều phối { $scheduler }
cluster-table-cannot-go = không gửi được bảng { $table } lên cụm ({ $error }); hãy chạy câu lệnh không kèm --cluster
cluster-needs-s3 = --cluster chạy câu lệnh trên các máy khác, mà các máy đó không đọc được thư mục { $lake } trên máy này: hãy dùng --lake s3://BUCKET/THƯ-MỤC
cluster-unreachable = không kết nối được bộ điều phối của cụm tại { $url }: { $error }; hãy khởi động nó bằng baocao cluster scheduler, hoặc kiểm tra địa chỉ
cluster-not-built = bản baocao này được biên dịch không kèm công cụ truy vấn phân tán nên không dùng được { $url }; hãy biên dịch bằng `cargo build --release --features cluster`, hoặc bỏ --cluster
cluster-failed = cụm tại { $url } không chạy được câu lệnh: { $error }
