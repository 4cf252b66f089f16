# Cách đọc một tệp: định dạng, dung lượng, trang tính, bảng và tiêu đề. Tiếng Việt.

## Trình đọc nào đọc tệp (src/ingest/sniff.rs)
read-file-empty = Tệp trống (0 byte): đề nghị đơn vị gửi lại tệp.
read-file-old-excel = Tệp có đuôi .{ $ext } nhưng là trang tính Excel 2.x-4.0, một định dạng từ trước năm 1995 mà baocao không đọc được: đề nghị mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi nạp lại.
read-file-not-a-table = Tệp có đuôi .{ $ext } nhưng là { $what }: đề nghị đơn vị gửi bảng số liệu dưới dạng Excel (.xlsx) hoặc CSV.
read-file-binary = Tệp có đuôi .{ $ext } nhưng chứa dữ liệu nhị phân, không phải văn bản hay bảng tính: đề nghị kiểm tra lại có đúng tệp không, và gửi bảng số liệu dưới dạng .xlsx, .csv hoặc .json.
read-file-spreadsheet-xml = Tệp là bảng tính Excel 2003 XML, định dạng này không được đọc: đề nghị mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi nạp lại.
read-file-is-word = Tệp có đuôi .{ $ext } nhưng là văn bản Word: đề nghị đổi đuôi tệp thành .docx rồi nạp lại (khi đó bảng hoạt động trong văn bản sẽ được đọc).
read-file-is-ods = Tệp có đuôi .{ $ext } nhưng là bảng tính LibreOffice: đề nghị đổi đuôi tệp thành .ods rồi nạp lại.
read-file-is-xlsx = Tệp có đuôi .{ $ext } nhưng là bảng tính Excel: đề nghị đổi đuôi tệp thành .xlsx (hoặc lưu lại từ Excel dưới dạng CSV) rồi nạp lại.
read-file-doc = Tệp là văn bản Word 97-2003 cũ (.doc): đề nghị mở tệp bằng Word, lưu lại dưới dạng .docx (khi đó bảng hoạt động trong văn bản sẽ được đọc) rồi nạp lại.
read-file-is-doc = Tệp có đuôi .{ $ext } nhưng là văn bản Word 97-2003 cũ: đề nghị mở tệp bằng Word, lưu lại dưới dạng .docx rồi nạp lại.
read-file-not-ods = Tệp có đuôi .{ $ext } nhưng không phải bảng tính LibreOffice: nếu là tệp CSV, đề nghị đổi đuôi thành .csv; nếu không, đề nghị lưu lại từ LibreOffice Calc dưới dạng .ods.
read-file-not-docx = Tệp có đuôi .{ $ext } nhưng không phải văn bản Word: nếu là tệp CSV, đề nghị đổi đuôi thành .csv; nếu không, đề nghị lưu lại từ Word dưới dạng .docx.
read-file-not-xlsx = Tệp có đuôi .{ $ext } nhưng không phải bảng tính Excel: nếu là tệp CSV, đề nghị đổi đuôi thành .csv; nếu không, đề nghị lưu lại từ Excel dưới dạng .xlsx.
read-file-is-xls = Tệp có đuôi .{ $ext } nhưng là bảng tính Excel 97-2003: đề nghị đổi đuôi tệp thành .xls rồi nạp lại.
read-formats = .xlsx, .xls, .ods, .csv, .tsv, .txt, .json, .docx hoặc .html
read-file-no-extension = Tệp không có đuôi nên không xác định được định dạng: đề nghị đặt đuôi tệp theo đúng định dạng ({ $formats }).
read-file-unsupported = Tệp có đuôi .{ $ext } không được đọc: đề nghị gửi báo cáo dưới dạng { $formats }.
read-file-encrypted-word = Văn bản Word được bảo vệ bằng mật khẩu nên không đọc được nội dung: đề nghị đơn vị gỡ mật khẩu (trong Word: File, Info, Protect Document, Encrypt with Password, rồi để trống mật khẩu) và gửi lại.
read-file-encrypted-libreoffice = Tệp LibreOffice được bảo vệ bằng mật khẩu nên không đọc được nội dung: đề nghị đơn vị gỡ mật khẩu (trong LibreOffice: File, Save As, bỏ chọn "Save with password") và gửi lại.
read-file-encrypted-workbook = Bảng tính được bảo vệ bằng mật khẩu nên không đọc được nội dung: đề nghị đơn vị gỡ mật khẩu (trong Excel: File, Info, Protect Workbook, Encrypt with Password, rồi để trống mật khẩu) và gửi lại.
# Tệp là gì, khi không phải bảng số liệu
read-kind-pdf = tài liệu PDF
read-kind-png = ảnh PNG
read-kind-jpeg = ảnh JPEG
read-kind-gif = ảnh GIF
read-kind-gzip = tệp nén gzip
read-kind-rar = tệp nén RAR
read-kind-7zip = tệp nén 7-Zip
read-kind-program = một chương trình
read-kind-rtf = văn bản Rich Text
read-kind-powerpoint = bản trình chiếu PowerPoint
read-kind-odt = văn bản LibreOffice (.odt): đề nghị lưu lại dưới dạng .docx (bảng hoạt động trong đó sẽ được đọc), hoặc gửi bảng số liệu dưới dạng .ods
read-kind-zip = tệp nén zip (đề nghị giải nén và gửi báo cáo bên trong)
# Định dạng của tệp, dùng trong ghi chú
read-format-xlsx = bảng tính Excel (.xlsx)
read-format-xls = bảng tính Excel 97-2003 (.xls)
read-format-ods = bảng tính LibreOffice (.ods)
read-format-docx = văn bản Word (.docx)
read-format-html = bảng HTML (trang web, như các hệ thống web xuất ra "Excel")
read-format-txt = văn bản có các cột phân tách
read-format-other = một định dạng khác

## Giới hạn khi đọc một tệp (src/ingest/limits.rs)
read-megabytes = { $whole },{ $tenth } MB
read-file-too-big = Tệp có dung lượng { $size }, vượt quá mức { $max } cho phép của một báo cáo (một báo cáo 10.000 hoạt động chỉ khoảng 2 MB): đề nghị kiểm tra lại có đúng tệp không, chia nhỏ tệp, hoặc nâng giới hạn bằng --max-file-mb.
read-grid-too-large = các bảng trong tệp trải trên { $cells } ô trở lên tính từ ô có dữ liệu đầu tiên đến ô cuối cùng, vượt quá mức { $max } ô cho phép của một báo cáo (một báo cáo 10.000 hoạt động chỉ khoảng 200.000 ô): đây không phải báo cáo, hoặc có một giá trị lạc nằm xa bảng; đề nghị xóa giá trị đó và gửi lại tệp
read-too-many-columns = bảng có hơn { $max } cột ({ $found } cột trở lên), nhiều hơn hẳn khoảng hai mươi cột của một báo cáo: đề nghị kiểm tra lại có đúng tệp không, hoặc xóa các cột thừa rồi gửi lại
read-line-too-long = dòng { $line } dài { $size }, dài hơn mọi dòng báo cáo có thể có (tối đa { $max }): đề nghị kiểm tra lại có đúng tệp không và các dấu xuống dòng của tệp có còn nguyên không
read-cause-with-error = { $cause }: { $error }
read-damaged-xls = không mở được bảng tính dưới dạng bảng tính Excel 97-2003 ({ $why }); tệp có thể bị hỏng hoặc bị cắt cụt: đề nghị mở tệp bằng Excel, lưu lại rồi gửi lại
read-damaged-ods = không mở được bảng tính dưới dạng bảng tính LibreOffice ({ $why }); tệp có thể bị hỏng hoặc bị cắt cụt: đề nghị mở tệp bằng LibreOffice Calc, lưu lại dưới dạng .ods rồi gửi lại
read-damaged-docx = không mở được văn bản Word ({ $why }); tệp có thể bị hỏng hoặc bị cắt cụt: đề nghị mở tệp bằng Word, lưu lại dưới dạng .docx rồi gửi lại
read-damaged-xlsx = không mở được bảng tính ({ $why }); tệp có thể bị hỏng hoặc bị cắt cụt: đề nghị mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi gửi lại
read-cause-packed = phần nội dung nén bị hỏng hoặc bị cắt cụt
read-cause-xml = phần văn bản bên trong không đúng cấu trúc
read-cause-container = phần vỏ chứa các thành phần của tệp bị hỏng
read-cause-values = tệp chứa những giá trị mà chương trình tạo ra nó không bao giờ ghi
read-cause-other = nội dung tệp không đọc được theo đúng định dạng mà đuôi tệp cho biết
read-unpacks-too-big = bảng tính khi giải nén chiếm { $size } trở lên, vượt quá mức { $max } mà mọi báo cáo cần: đây không phải báo cáo (hoặc tệp được tạo ra để làm cạn bộ nhớ); đề nghị kiểm tra tệp rồi gửi lại
read-unpacks-too-big-docx = văn bản Word khi giải nén chiếm { $size } trở lên, vượt quá mức { $max } mà mọi báo cáo cần: đây không phải báo cáo (hoặc tệp được tạo ra để làm cạn bộ nhớ); đề nghị kiểm tra tệp rồi gửi lại

## Văn bản phân tách và ô văn bản (src/ingest/readers/delimited.rs, text.rs, output.rs)
read-file-blank = tệp không có chữ nào, chỉ có khoảng trắng
read-no-header = không tìm thấy dòng tiêu đề: { $why }
read-no-header-why = bảng cần có tên cột như Ngày, Hình thức, Chủ đề và Tên tin bài (ít nhất hai tên trong số đó)
read-detail-separated = { $encoding }, phân tách bằng { $separator }
read-detail-tab-separated = { $encoding }, phân tách bằng dấu tab
read-note-legacy-encoding = tệp dùng bảng mã cũ { $encoding }, không phải Unicode: đã đọc theo bảng mã đó
read-note-legacy-cells = { $n } ô gõ bằng bảng mã cũ { $encoding } đã được chuyển sang Unicode (ví dụ '{ $before }' thành '{ $after }')

## Bảng tính (src/ingest/readers/workbook.rs)
read-sheet-past-last-row = trang tính "{ $sheet }" có dòng nằm quá dòng cuối cùng của Excel ({ $max }): trang tính bị hỏng; đề nghị lưu lại bảng tính từ Excel rồi gửi lại
read-sheet-damaged = không đọc được trang tính "{ $sheet }" ({ $cause }: { $error }); trang tính có thể bị hỏng: đề nghị lưu lại bảng tính từ Excel rồi gửi lại
read-note-code-page = bảng tính khai báo trang mã { $page }, trang mã mà bảng tính Excel 97-2003 không dùng cho chữ: chữ trong bảng tính được đọc theo Unicode như vốn có
read-no-sheet-with-table = không trang tính nào có bảng số liệu (đã xem { $visible } trang tính đang hiện): { $why }
read-no-sheet-with-table-hidden = không trang tính nào có bảng số liệu (đã xem { $visible } trang tính đang hiện; không đọc { $hidden } trang tính ẩn { $names }: trang tính ẩn không phải báo cáo): { $why }
read-several-sheets = bảng tính có bảng hoạt động trên { $n } trang tính đang hiện ({ $names }), trong khi mỗi tệp là một báo cáo (một đơn vị, một kỳ báo cáo): đề nghị gửi mỗi báo cáo thành một tệp riêng, hoặc ẩn hay xóa các trang tính không thuộc báo cáo này
read-note-1904 = bảng tính tính ngày từ năm 1904 (do Excel cho Mac lưu): các số ngày tháng được đọc theo cách đó
read-note-hidden-sheets = không đọc { $n } trang tính ẩn { $names }: trang tính ẩn không phải báo cáo
read-note-best-sheet = đã đọc trang tính "{ $sheet }", có bảng khớp nhất với biểu mẫu quy định; còn có bảng trên { $others }
read-note-covered-cells = { $n } ô nằm dưới ô gộp chứa nội dung mà trang tính không hiển thị (dòng { $row }, cột { $column }: '{ $text }'): không đọc
read-detail-sheet = trang tính "{ $sheet }"

## Bảng tính Excel 97-2003, đo trước khi đọc (src/ingest/readers/measure.rs)
read-xls-encrypted = bảng tính được bảo vệ bằng mật khẩu nên không đọc được các ô: đề nghị đơn vị gỡ mật khẩu (trong Excel: File, Info, Protect Workbook, Encrypt with Password, rồi để trống mật khẩu) và gửi lại
read-xls-is-doc = tệp là văn bản Word 97-2003 (.doc), không phải bảng tính: đề nghị mở tệp bằng Word, lưu lại dưới dạng .docx (khi đó bảng hoạt động trong văn bản sẽ được đọc) rồi gửi lại
read-xls-no-workbook = tệp không chứa bảng tính nào
read-xls-record-past-end = có một bản ghi vượt quá cuối tệp
read-xls-sheet-past-end = có một trang tính bắt đầu sau cuối bảng tính
read-xls-row-length = có một dòng số liệu không khớp với độ dài của nó
read-xls-dimensions = một trang tính của bảng tính khai báo trải từ dòng { $first } đến dòng { $last } và { $columns } cột, điều mà bảng tính Excel 97-2003 không thể chứa ({ $rows-max } dòng, { $columns-max } cột): tệp bị hỏng; đề nghị mở tệp bằng Excel, lưu lại rồi gửi lại

## Văn bản Word và trang web (src/ingest/readers/document.rs, html.rs)
read-html-too-big = trang web có dung lượng { $size }, vượt quá mức { $max } mà một báo cáo xuất ra dạng bảng có thể có (một bản xuất 10.000 hoạt động chỉ khoảng 4 MB): đề nghị kiểm tra lại có đúng tệp không, hoặc xuất báo cáo dưới dạng Excel hoặc CSV
read-doc-too-many-rows = văn bản có hơn { $max } đoạn văn và dòng bảng, nhiều hơn hẳn mọi báo cáo: đề nghị kiểm tra lại có đúng tệp không
read-page-too-many-rows = trang web có hơn { $max } đoạn văn và dòng bảng, nhiều hơn hẳn mọi báo cáo: đề nghị kiểm tra lại có đúng tệp không
read-doc-no-table = văn bản Word không có bảng nào: các hoạt động và số liệu phải được trình bày trong một bảng (các cột như Ngày, Hình thức, Chủ đề, Tên tin bài, Số lượng), vì phần lời văn không được đọc để lấy số liệu; đề nghị đơn vị đưa các hoạt động vào một bảng trong văn bản, hoặc gửi bảng dưới dạng Excel
read-page-no-table = trang web không có bảng nào: các hoạt động phải được trình bày trong một bảng có tên cột như Ngày, Hình thức, Chủ đề và Tên tin bài; đề nghị xuất lại báo cáo dưới dạng bảng, hoặc gửi dưới dạng Excel hoặc CSV
read-doc-two-tables = văn bản có hai bảng hoạt động, bảng { $first } và bảng { $second }, giữa hai bảng có lời văn; các hoạt động của một báo cáo phải nằm trong một bảng (bảng nối tiếp sang trang sau được đọc là một bảng): đề nghị gộp hai bảng rồi gửi lại báo cáo
read-page-two-tables = trang web có hai bảng hoạt động, bảng { $first } và bảng { $second }, giữa hai bảng có lời văn; các hoạt động của một báo cáo phải nằm trong một bảng (bảng nối tiếp sang trang sau được đọc là một bảng): đề nghị gộp hai bảng rồi gửi lại báo cáo
read-doc-no-header = không bảng nào trong { $tables } bảng của văn bản có dòng tiêu đề: { $why }
read-page-no-header = không bảng nào trong { $tables } bảng của trang web có dòng tiêu đề: { $why }
read-detail-table = bảng { $table } trong { $tables } bảng
read-detail-html-table = bảng HTML { $table } trong { $tables } bảng
read-detail-tables = các bảng { $first }-{ $last } trong { $tables } bảng, là một bảng nối tiếp
read-detail-html-tables = các bảng HTML { $first }-{ $last } trong { $tables } bảng, là một bảng nối tiếp

## JSON và NDJSON (src/ingest/readers/json.rs)
read-json-no-items = tệp JSON không có hoạt động nào
read-json-no-known-fields = các hoạt động trong tệp JSON không có trường nào đã biết: đề nghị đặt tên trường như tên cột, ví dụ date, theme, form, title (hoặc Ngày, Chủ đề, Hình thức, Tên tin bài)
read-json-items-not-a-list = "items" phải là một danh sách đối tượng, mỗi đối tượng là một hoạt động
read-json-no-list = tệp JSON không phải một đối tượng có "items", cũng không phải một danh sách hoạt động
read-json-cut-short = tệp JSON bị cắt cụt ({ $error }); đề nghị gửi lại tệp đầy đủ
read-not-json = tệp không phải JSON ({ $error }) và không dòng nào là một hoạt động JSON: nếu tệp chứa bảng số liệu, đề nghị gửi dưới dạng .csv hoặc .xlsx
read-json-too-many-fields = { $items } hoạt động dùng tổng cộng { $names } tên trường khác nhau, quá nhiều để trình bày thành bảng: đề nghị dùng cùng một bộ trường cho mọi hoạt động (date, theme, form, title, ...)
read-json-item-not-object = hoạt động này không phải một đối tượng gồm các trường có tên
read-ndjson-bad-line = dòng { $line } không phải JSON hợp lệ (bị ngắt ở ký tự thứ { $column }): đề nghị viết mỗi hoạt động thành một đối tượng JSON trên một dòng riêng
read-detail-json-array = mảng JSON

## Tên đặt cho các cột của bảng, và những từ được nói trong câu khác
read-column-numbered = cột { $column }
read-column-hidden = { $name } (cột ẩn)
read-shared-formula = (công thức dùng chung)
read-panic-without-message = lỗi dừng đột ngột không kèm thông báo
