# Reference folders: loading and validating the register and the campaign files, and `reference new|check|diff`. Vietnamese.
reference-invalid = { $file } dòng { $line }, trường `{ $field }`: { $message }
reference-file = { $file }: { $message }
reference-empty = không có dữ liệu tham chiếu trong { $folder }: cần có units.csv cùng các thư mục năm (2023/, ...), hoặc một thư mục năm chứa themes.csv và các tệp khác của đợt báo cáo
reference-bundled-data = dữ liệu đi kèm
reference-folder-unreadable = không đọc được thư mục tham chiếu: { $error }
reference-campaign-folder-name = một thư mục đợt báo cáo đứng riêng phải mang tên năm của nó, ví dụ 2023/
reference-units-missing = thiếu tệp này: hãy đặt danh mục đơn vị units.csv (và unit_lineage.csv) vào { $folder }, hoặc đặt một tệp units.csv trong thư mục đợt báo cáo
reference-file-unreadable = không đọc được tệp dưới dạng văn bản UTF-8: { $error }
reference-not-a-day = '{ $value }' không phải là một ngày có thật: hãy kiểm tra tháng và ngày
reference-not-a-date = '{ $value }' không phải là ngày viết theo dạng YYYY-MM-DD
reference-not-a-code = '{ $value }' không phải là một mã: hãy dùng chữ cái ASCII thường, chữ số và dấu gạch nối
reference-empty-field = không được để trống
reference-campaign-file-missing = thiếu tệp này; mọi thư mục đợt báo cáo đều cần có tệp này
reference-unknown-column = '{ $column }' không phải là cột của { $file }: các cột là { $columns }
reference-bad-csv = dòng này không phải CSV hợp lệ: { $error }
reference-settings-header = dòng đầu tiên phải là tiêu đề key,vi,en, không phải '{ $header }'
reference-settings-unknown-key = '{ $key }' không phải là một thiết lập: các thiết lập là { $keys }
reference-settings-fields = mỗi dòng có ba trường key,vi,en: hãy đặt giá trị có dấu phẩy trong dấu ngoặc kép
reference-settings-multiline = giá trị của '{ $key }' trải trên nhiều dòng: có một dấu ngoặc kép chưa được đóng
reference-settings-twice = '{ $key }' được khai báo hai lần
reference-no-vi-language = thiếu ngôn ngữ mặc định 'vi'
reference-unknown-theme = chủ đề '{ $code }' không có trong danh mục: phải là một theme_code của themes.csv
reference-subtheme-prefix = '{ $code }' phải bắt đầu bằng mã chủ đề của nó, '{ $theme }.'
reference-hrc-number = '{ $value }' không phải là số từ 1 đến 8
reference-end-before-start = { $end } trước ngày bắt đầu { $start }
reference-not-one-of = '{ $value }' không thuộc các giá trị { $codes }
reference-not-a-period = '{ $value }' không phải là kỳ báo cáo (2023 hoặc 2023-06)
reference-period-kind-mismatch = '{ $kind }' không khớp với các kỳ { $first } và { $last }
reference-due-day = '{ $value }' không phải là ngày từ 1 đến 28
reference-due-one-of = hãy ghi đúng một trong hai: due_date (một ngày) hoặc due_day (báo cáo tháng: ngày hạn trong tháng được báo cáo)
reference-true-or-false = '{ $value }' phải là true hoặc false
reference-unknown-parent = đơn vị '{ $code }' không có trong danh mục
reference-valid-to-before-from = { $to } trước ngày valid_from { $from } của đơn vị
reference-code-overlaps = '{ $code }' có hiệu lực { $span } ở đây, và ở dòng { $other } { $other-span }: vào mỗi ngày một mã chỉ gọi một đơn vị, và chỉ có một dòng; hãy xoá một trong hai dòng
reference-code-twice = '{ $code }' đã có một dòng, ở dòng { $other }: mỗi mã chỉ có một dòng; với tên mới, hãy thêm vào aliases, hoặc cấp cho đơn vị một mã mới và một dòng `renamed` trong unit_lineage.csv
reference-became-merged = đã được sáp nhập vào { $list } từ ngày { $date }
reference-became-split = đã được chia tách thành { $list } từ ngày { $date }
reference-became-renamed = đã được đổi tên thành { $list } từ ngày { $date }
reference-became-abolished = đã giải thể từ ngày { $date }, không có đơn vị kế thừa
reference-became-abolished-successors = đã giải thể từ ngày { $date }; các đơn vị kế thừa là { $list }
reference-change-kind = '{ $value }' không thuộc các giá trị merged, split, renamed, abolished
reference-bad-share = '{ $value }' không phải là một tỷ lệ: hãy ghi một phân số lớn hơn 0 và không quá 1 (0.25), hoặc để trống khi văn bản gốc không nêu
reference-unknown-unit = đơn vị '{ $code }' không có trong danh mục: phải là một unit_code của units.csv
reference-successor-not-valid = '{ $code }' chưa tồn tại hoặc đã chấm dứt vào ngày thay đổi { $date } (đơn vị có hiệu lực { $span })
reference-needs-successor = đơn vị { $kind ->
    [merged] sáp nhập
    [split] chia tách
    [renamed] đổi tên
   *[abolished] giải thể
 } cần có đơn vị kế thừa: hãy ghi mã đơn vị đó, hoặc ghi change_kind abolished cho đơn vị không có đơn vị kế thừa
reference-share-not-split = chỉ trường hợp chia tách (split) mới có tỷ lệ: hãy để trống
reference-change-not-after-end = '{ $code }' có hiệu lực { $span }, nên thay đổi ngày { $date } không liền sau ngày cuối cùng của đơn vị: valid_to phải là ngày trước ngày thay đổi
reference-ends-twice = '{ $code }' được ghi { $kind ->
    [merged] sáp nhập
    [split] chia tách
    [renamed] đổi tên
   *[abolished] giải thể
 } ngày { $date } ở dòng { $line } nhưng { $other-kind ->
    [merged] sáp nhập
    [split] chia tách
    [renamed] đổi tên
   *[abolished] giải thể
 } ngày { $other-date } ở đây: mỗi đơn vị chỉ chấm dứt một lần, theo một cách
reference-several-successors = '{ $code }' được ghi { $kind ->
    [merged] sáp nhập
    [split] chia tách
    [renamed] đổi tên
   *[abolished] giải thể
 } vào nhiều đơn vị: đơn vị { $kind ->
    [merged] sáp nhập
    [split] chia tách
    [renamed] đổi tên
   *[abolished] giải thể
 } chỉ có một đơn vị kế thừa; đơn vị có công việc chuyển cho nhiều đơn vị là trường hợp chia tách (split)
reference-split-into-one = '{ $code }' được chia tách cho chỉ một đơn vị: trường hợp này là sáp nhập (merged) hoặc đổi tên (renamed)
reference-shares-over = tổng tỷ lệ của '{ $code }' là { $shares }, vượt quá toàn bộ
reference-ended-without-lineage = '{ $code }' chấm dứt ngày { $to } nhưng unit_lineage.csv không ghi đơn vị này ra sao: hãy thêm một dòng cho mỗi đơn vị kế thừa, hoặc một dòng change_kind abolished không có successor_code
reference-span = từ { $from } đến { $to }
reference-span-open = từ { $from } trở đi
reference-label-ambiguous = '{ $label }' vừa chỉ '{ $existing }' vừa chỉ '{ $value }'; mỗi nhãn hoặc bí danh chỉ được chỉ một bản ghi
reference-new-no-source = không có đợt báo cáo năm { $from } để làm căn cứ (dữ liệu tham chiếu này có: { $years })
reference-new-year-exists = đợt báo cáo năm { $year } đã có: hãy sửa đợt đó, hoặc chọn năm khác
reference-new-out-not-empty = thư mục này đã có tệp: hãy chọn --out khác, hoặc xoá thư mục này
reference-new-cannot-write = không ghi được: { $error }
reference-new-no-lineage = danh mục đơn vị không có lịch sử thay đổi (lineage), và { $ended } đơn vị đã chấm dứt: hãy thêm unit_lineage.csv ghi rõ từng đơn vị đã ra sao (xem data/reference/unit_lineage.csv), để báo cáo của các đơn vị đó bị từ chối kèm tên đơn vị kế thừa
reference-new-fill-peaks = { $year }/peak_periods.csv chỉ có dòng tiêu đề: hãy điền các đợt cao điểm theo văn bản năm { $year } (các đợt năm { $from } ở { $from }/peak_periods.csv)
reference-new-check-obligations = hãy đối chiếu { $year }/obligations.csv với văn bản năm { $year }: đơn vị nào báo cáo, bao lâu một lần và hạn khi nào
reference-issuer-ended = đã chấm dứt
reference-issuer-warning = báo cáo năm { $year } sẽ do { $name } ({ $code }) ban hành, nhưng đơn vị này { $what }: hãy ghi cơ quan ban hành năm { $year } vào { $year }/report_settings.csv (các khoá issuer, issuer_name, symbol; xem report_settings.csv)
reference-new-kind-gone = đến { $until } không còn đơn vị loại { $kind } nào, và danh mục không ghi đơn vị kế thừa: nghĩa vụ báo cáo { $period ->
    [monthly] hằng tháng
    [annual] hằng năm
   *[other] khác
 } bỏ loại này
reference-new-kind-replaced = tất cả đơn vị loại { $kind } chấm dứt trước { $until }; đơn vị kế thừa thuộc loại { $successors }: nghĩa vụ báo cáo { $period ->
    [monthly] hằng tháng
    [annual] hằng năm
   *[other] khác
 } chuyển sang các đơn vị đó
reference-new-kind-added = một số đơn vị loại { $kind } chấm dứt trước { $until }; đơn vị kế thừa thuộc loại { $successors }: nghĩa vụ báo cáo { $period ->
    [monthly] hằng tháng
    [annual] hằng năm
   *[other] khác
 } yêu cầu cả các đơn vị đó
reference-new-obligation-nobody = nghĩa vụ báo cáo { $period ->
    [monthly] hằng tháng
    [annual] hằng năm
   *[other] khác
 } từ kỳ { $first } đến kỳ { $last } không áp dụng cho đơn vị nào: đã bỏ khỏi { $year }/obligations.csv; hãy thêm các loại đơn vị mà văn bản năm { $year } yêu cầu
reference-check-no-lineage = { $folder }: không có unit_lineage.csv, nên không đơn vị nào đã chấm dứt có đơn vị kế thừa: hãy thêm tệp này (xem data/reference/unit_lineage.csv)
reference-check-kind-count = { $n } { $kind }
reference-check-register = { $origin }: { $units } đơn vị, { $rows } dòng lịch sử thay đổi ({ $kinds })
reference-check-campaign = { $year }: { $units } đơn vị tồn tại trong năm, dự kiến { $reports } báo cáo, { $peaks } đợt cao điểm
reference-check-no-peaks = { $year }/peak_periods.csv không có đợt cao điểm nào: hãy điền theo văn bản năm { $year }
reference-check-peak-outside = { $year }/peak_periods.csv: đợt cao điểm { $peak } kéo dài từ { $start } đến { $end }, nằm ngoài năm { $year }
reference-check-obligation-nobody = { $year }/obligations.csv dòng { $line }: vào các ngày hạn không có đơn vị loại { $kind } nào, nên dòng này không yêu cầu báo cáo nào từ loại đó
reference-diff-units = Đơn vị: { $a } năm { $ya }, { $b } năm { $yb }; { $both } có ở cả hai năm.
reference-diff-gone = { $unit } có trong năm { $ya } nhưng không có trong năm { $yb }.
reference-diff-became = { $unit } { $what }.
reference-diff-new = Mới trong năm { $yb }: { $unit } ({ $kind }), từ { $from }.
reference-diff-new-taking-over = Mới trong năm { $yb }: { $unit } ({ $kind }), từ { $from }, kế thừa { $predecessors }.
reference-diff-ends = { $unit } chấm dứt trong năm { $yb }, ngày { $to }.
reference-diff-peak-gone = Đợt cao điểm { $peak } ({ $name }, { $start } đến { $end }) có trong năm { $ya } nhưng không có trong năm { $yb }.
reference-diff-peak-moves = Đợt cao điểm { $peak } thay đổi thời gian: { $start } đến { $end } năm { $ya }, { $new-start } đến { $new-end } năm { $yb }.
reference-diff-peak-themes = Đợt cao điểm { $peak } thay đổi chủ đề: { $themes } năm { $ya }, { $new-themes } năm { $yb }.
reference-diff-peak-new = Đợt cao điểm mới trong năm { $yb }: { $peak } ({ $name }, { $start } đến { $end }).
reference-diff-no-peaks = Năm { $yb } chưa có đợt cao điểm nào.
reference-diff-due-date = hạn { $date }
reference-diff-due-day = hạn ngày { $day } của tháng được báo cáo
reference-diff-one-report = một báo cáo { $kind ->
    [monthly] tháng
    [annual] năm
   *[other] khác
 } cho kỳ { $period }
reference-diff-reports = các báo cáo { $kind ->
    [monthly] tháng
    [annual] năm
   *[other] khác
 } từ kỳ { $first } đến kỳ { $last }
reference-diff-obligation = Nghĩa vụ báo cáo năm { $year }: { $what } từ mọi đơn vị loại { $kinds }, { $due }: dự kiến { $n } báo cáo.
reference-diff-total = Số báo cáo dự kiến: { $a } năm { $ya }, { $b } năm { $yb }.
reference-bound-open = một giới hạn cần có mức tối thiểu (min), mức tối đa (max) hoặc cả hai
reference-bound-reversed = mức tối thiểu { $min } lớn hơn mức tối đa { $max }
reference-bound-twice = cùng chỉ tiêu, hình thức và loại đơn vị này đã có giới hạn ở dòng { $line }
reference-rule-twice = mã quy tắc '{ $code }' bị dùng hai lần
reference-bound-not-number = '{ $value }' không phải là một số không âm: hãy ghi như 5000 hoặc 2.5, hoặc để trống nếu không giới hạn
reference-bound-grouped = '{ $value }' có dấu phân cách hàng nghìn nên dễ bị đọc nhầm thành số thập phân: hãy ghi { $whole }, không có dấu phân cách
reference-rule-unknown-column = '{ $name }' không phải là cột mà quy tắc phạm vi { $scope } dùng được: các cột là { $columns }
reference-rule-not-sql = không đọc được '{ $value }' như một biểu thức SQL ({ $error })
reference-rule-expression = không dùng được '{ $value }' làm biểu thức SQL: biểu thức không được chứa ';' hoặc '--'
