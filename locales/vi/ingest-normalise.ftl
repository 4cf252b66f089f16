# Khâu chuẩn hóa: đơn vị, kỳ báo cáo và ngày nhận của tệp, ý nghĩa các cột,
# lý do một dòng (hoặc cả tệp) bị từ chối; các ghi chú trong phần tóm tắt
# từng tệp. Tiếng Việt.

## Từ ngữ dùng để gọi tên trong câu

normalise-field-unit = đơn vị
normalise-field-period = kỳ báo cáo
normalise-field-received-at = ngày nhận
normalise-field-activity-date = ngày thực hiện
normalise-field-theme = chủ đề
normalise-field-subtheme = chủ đề con
normalise-field-hrc-priority = nhóm ưu tiên HĐNQ
normalise-field-form = hình thức
normalise-field-channel = kênh
normalise-field-title = tên tin bài
normalise-field-quantity = số lượng
normalise-field-reach = lượt tiếp cận
normalise-field-duration = thời lượng
normalise-field-language = ngôn ngữ
normalise-field-url = đường dẫn
normalise-field-notes = ghi chú
normalise-place-sheet = trang tính
normalise-place-page = trang
normalise-place-document = văn bản
normalise-cell = ô
# một ngày: $day và $month có hai chữ số
normalise-date = { $day }/{ $month }/{ $year }
normalise-and = { $first } và { $second }
normalise-span-closed = từ { $from } đến { $to }
normalise-span-open = từ { $from } trở đi

## Nơi tìm thấy đơn vị hoặc kỳ báo cáo

normalise-from-flag = nêu trên dòng lệnh
normalise-from-column = lấy từ cột đơn vị/kỳ báo cáo
normalise-from-envelope = lấy từ các trường JSON
normalise-from-preamble = lấy từ các dòng phía trên bảng
normalise-from-title = lấy từ dòng tiêu đề
normalise-from-letterhead = lấy từ tên cơ quan ban hành ở đầu văn bản
normalise-from-file-name = lấy từ tên tệp
normalise-source-flag = dòng lệnh
normalise-source-column = cột đơn vị/kỳ báo cáo
normalise-source-envelope = các trường JSON
normalise-source-preamble = các dòng phía trên bảng
normalise-source-title = dòng tiêu đề
normalise-source-letterhead = tên cơ quan ban hành ở đầu văn bản
normalise-source-file-name = tên tệp

## Thông tin chung của tệp

normalise-disagree-period = theo { $source }, kỳ báo cáo là { $other }; theo { $by } là { $period }: đọc là { $period }
normalise-disagree-unit = theo { $source }, đơn vị là { $other }; theo { $by } là { $unit }: đọc là { $unit }
normalise-period-span = tiêu đề '{ $title }' nêu nhiều tháng hoặc một phần của năm, trong khi mỗi tệp là báo cáo của một tháng, một quý hoặc một năm: hãy ghi rõ kỳ báo cáo bằng một dòng 'Kỳ báo cáo: Tháng 7/2023' (hoặc 'Năm 2023'), hoặc dùng --period
normalise-period-missing-json = tệp không cho biết báo cáo của kỳ nào: hãy thêm trường "period": "2023-07" (hoặc "2023") bên cạnh "items" hoặc vào từng mục, đặt tên tệp theo mẫu <mã đơn vị>_<kỳ báo cáo>.json (ví dụ pvhtt-tuan-giao_2023-07.json), hoặc dùng --period
normalise-period-missing = tệp không cho biết báo cáo của kỳ nào: hãy thêm dòng 'Kỳ báo cáo: Tháng 7/2023' (hoặc 'Năm 2023') phía trên bảng, thêm cột 'Kỳ báo cáo', đặt tên tệp theo mẫu <mã đơn vị>_<kỳ báo cáo>.csv (ví dụ pvhtt-tuan-giao_2023-07.csv), hoặc dùng --period
normalise-period-invalid = kỳ báo cáo '{ $text }' ({ $source }) không phải là một kỳ báo cáo: hãy ghi 2023-07 hoặc Tháng 7/2023 (một tháng), Quý III/2023 (một quý) hoặc 2023 (một năm)
normalise-no-reference = chưa có dữ liệu danh mục cho năm { $year } (lần chạy này có: { $years }): hãy tạo thư mục danh mục của năm đó bằng lệnh `baocao reference new { $year } --from { $latest }`, điền theo công văn hướng dẫn, rồi dùng --reference
normalise-unit-missing-json = tệp không cho biết đơn vị nào gửi báo cáo: hãy thêm trường "unit" bên cạnh "items" hoặc vào từng mục, đặt tên tệp theo mẫu <mã đơn vị>_<kỳ báo cáo>.json (ví dụ pvhtt-tuan-giao_2023-07.json), hoặc dùng --unit
normalise-unit-missing = tệp không cho biết đơn vị nào gửi báo cáo: hãy thêm dòng 'Đơn vị: <tên đơn vị>' phía trên bảng, thêm cột 'Đơn vị', đặt tên tệp theo mẫu <mã đơn vị>_<kỳ báo cáo>.csv (ví dụ pvhtt-tuan-giao_2023-07.csv), hoặc dùng --unit
normalise-unit-ambiguous = đơn vị '{ $text }' ({ $source }) có thể là bất kỳ đơn vị nào trong số { $units }: hãy dùng --unit với mã đúng
normalise-unit-unknown = đơn vị '{ $text }' ({ $source }) không có trong danh mục đơn vị: hãy kiểm tra lại tên, hoặc dùng --unit với một mã trong units.csv
normalise-unit-unknown-near = đơn vị '{ $text }' ({ $source }) không có trong danh mục đơn vị (có phải là '{ $near }'?): hãy kiểm tra lại tên, hoặc dùng --unit với một mã trong units.csv
normalise-received-invalid = ngày nhận '{ $cell }' không phải là một ngày: hãy ghi theo dạng dd/mm/yyyy
normalise-received-missing = tệp không cho biết ngày nhận báo cáo và không rõ thời điểm sửa tệp lần cuối: hãy dùng --received-at
# $what: đơn vị đã ra sao ("đã được sáp nhập vào ... ngày ..."); $now: normalise-unit-now-belongs, hoặc để trống
normalise-unit-abolished = đơn vị '{ $text }' ({ $source }) là { $code } ({ $name }), đơn vị này không còn tồn tại trong kỳ { $period }: đơn vị này { $what }{ $now }. { $advice }
normalise-unit-now-belongs = ; trong kỳ { $period }, nhiệm vụ của đơn vị thuộc về { $units }
normalise-advice-successor = Nếu { $unit } là đơn vị gửi báo cáo, hãy ghi tên đơn vị này trong tệp hoặc dùng --unit { $unit }
normalise-advice-check = Hãy kiểm tra đơn vị nào đã gửi báo cáo và dùng --unit với mã của đơn vị đó
normalise-advice-successors = Hãy dùng --unit với mã của đơn vị kế thừa đã gửi báo cáo
normalise-unit-existed = { $unit } tồn tại { $span }
normalise-unit-not-valid = đơn vị '{ $text }' ({ $source }) không tồn tại trong kỳ { $period }: { $spans }. Hãy kiểm tra lại kỳ báo cáo, hoặc dùng --unit với mã của đơn vị đã gửi báo cáo

## Điều dòng tiêu đề cho biết (ghi chú)

normalise-looks-like-held = cột "{ $name }" trông giống cột { $field } nhưng không được đọc là { $field }: { $field } là cột "{ $held }" (giá trị được giữ trong extra)
normalise-looks-like = cột "{ $name }" trông giống cột { $field } nhưng không mang tên được chấp nhận của cột này, nên không được đọc là { $field } (giá trị được giữ trong extra); nếu đó là cột { $field }, hãy đặt tên cột là '{ $heading }'
normalise-header-rows = tiêu đề của bảng chiếm các dòng { $start } đến { $end }
normalise-header-rows-read = tiêu đề của bảng chiếm các dòng { $start } đến { $end }: đã đọc { $columns }
normalise-header-read-as = "{ $name }" là { $field }
normalise-column-repeats = cột "{ $name }" cũng mang tên { $field }, là nội dung mà cột "{ $held }" đã chứa: cột này được giữ trong extra
normalise-column-hidden = cột "{ $name }" bị ẩn trong { $place }: nội dung { $place } không hiển thị thì không được đọc là một trường của báo cáo (giá trị của cột được giữ trong extra)
normalise-column-no-heading = cột { $column } không có tiêu đề: giá trị của cột được giữ trong extra
normalise-no-column-like = không có cột nào mang tên { $field }; cột { $names } trông giống cột này: hãy đặt tên cột là '{ $heading }'
normalise-no-column = bảng không có cột { $field }: hãy thêm một cột có tên '{ $heading }'

## Các dòng (ghi chú)

normalise-continued = { $count } hoạt động được ghi trên hai dòng trở lên (ô được gộp xuống dưới, nội dung được viết tiếp): mỗi hoạt động được đọc là một ({ $rows })
normalise-continues = dòng { $line } là phần tiếp theo của dòng { $item }
normalise-after-received = { $count } hoạt động có ngày sau ngày nhận báo cáo ({ $received }): hãy kiểm tra xem hoạt động đã được thực hiện hay mới là kế hoạch (dòng { $rows })
normalise-other-languages = { $count } ngôn ngữ { $labels } được tính là ngôn ngữ khác (other, một ngôn ngữ dân tộc thiểu số khác), nhãn ngôn ngữ được giữ trong extra
normalise-rounded = { $count } số liệu chỉ lệch một sai số dấu phẩy động so với một số nguyên, như cách lưu số liệu do công thức tính ra (ví dụ { $example }), được đọc là số nguyên đó
normalise-states-no-activity = báo cáo không nêu hoạt động nào trong kỳ (không có dòng hoạt động): tệp được tính là đã nhận, không có hoạt động nào

## Cả tệp bị từ chối

normalise-no-data-rows = bảng có dòng tiêu đề nhưng không có dòng dữ liệu nào: hãy điền mỗi hoạt động vào một dòng
# $first: lý do của dòng đầu tiên bị từ chối (normalise-no-items-row); $others: một trong các normalise-no-items-*, hoặc để trống
normalise-no-items = mọi dòng của tệp đều bị từ chối ({ $count } dòng), nên tệp không có hoạt động nào đọc được: tệp không được tính là đã nhận, và báo cáo của { $unit } kỳ { $period } đã có trong kho dữ liệu (nếu có) vẫn giữ nguyên. { $first } { $others }
normalise-no-items-row = Dòng { $row }: { $reason }
normalise-no-items-first = { $reason }
normalise-no-items-same-one = Dòng còn lại bị từ chối vì cùng loại lý do.
normalise-no-items-same = { $count } dòng còn lại bị từ chối vì cùng loại lý do.
normalise-no-items-another-one = Dòng còn lại bị từ chối vì một lý do khác (xem rejects.raw).
normalise-no-items-another = { $count } dòng còn lại bị từ chối, mỗi dòng vì một lý do riêng (xem rejects.raw).

## Một dòng bị từ chối

normalise-row-planned = dòng này nằm dưới mục '{ $heading }': nội dung kế hoạch không phải là hoạt động đã thực hiện nên không được tính; hãy báo cáo hoạt động trong kỳ thực hiện
normalise-row-hidden-filter = dòng này bị ẩn trong { $place } bởi bộ lọc ({ $range }): nội dung { $place } không hiển thị thì không thuộc báo cáo này nên không được tính; nếu dòng này thuộc báo cáo, hãy bỏ bộ lọc và gửi lại tệp
normalise-row-hidden = dòng này bị ẩn trong { $place }: nội dung { $place } không hiển thị thì không thuộc báo cáo này nên không được tính; nếu dòng này thuộc báo cáo, hãy hiện dòng đó và gửi lại tệp
normalise-row-incomplete = dòng chưa đủ thông tin
normalise-columns-ambiguous = có { $count } cột mang tên { $field } ({ $names }) và không có gì cho biết cột nào chứa số liệu của báo cáo này: hãy giữ lại một cột, hoặc đặt tiêu đề hai cột là 'Kế hoạch' và 'Kết quả' (cột bị ẩn cũng được tính)
normalise-formula-no-value = { $count } ô ({ $cells }) chứa công thức chưa có kết quả được lưu (bảng tính được lưu mà chưa tính toán): hãy mở tệp bằng Excel, để Excel tính toán, lưu lại rồi gửi lại tệp
normalise-formula-disagrees = { $count } ô ({ $cells }) chứa công thức có kết quả được lưu nhưng không do bảng tính nào tính ra (kết quả đang lưu không khớp với kết quả công thức tính từ chính số liệu trong trang tính, như ở các tệp do phần mềm không tính toán tạo ra): hãy mở tệp bằng Excel hoặc LibreOffice, tính lại (Ctrl+Shift+F9), lưu lại rồi gửi lại tệp
normalise-formula-recalculation = { $count } ô ({ $cells }) chứa công thức có kết quả được lưu nhưng không do bảng tính nào tính ra (bảng tính yêu cầu tính lại khi mở, như các tệp do phần mềm tạo ra, và không có gì cho thấy kết quả đang lưu đúng là kết quả của công thức): hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại tệp
normalise-legacy-unconvertible = { $column } '{ $value }' có vẻ được gõ bằng bảng mã cũ { $encoding } nhưng không chuyển được sang tiếng Việt: hãy gõ lại bằng Unicode (đặt Unikey ở bảng mã Unicode) và gửi lại tệp
normalise-too-many-cells = dòng có { $cells } ô nhưng bảng chỉ có { $columns } cột: có lẽ một giá trị chứa dấu phân cách '{ $separator }' mà không đặt trong dấu ngoặc kép (một số viết là 1{ $separator }200, một tên tin bài có dấu '{ $separator }'); hãy đặt giá trị đó trong dấu ngoặc kép, hoặc viết 1.200, rồi gửi lại tệp
normalise-given-twice = mục này ghi { $field } hai lần, { $given }: hãy chỉ giữ lại một
normalise-given-as = '{ $value }' ở khóa { $key }
normalise-other-unit = dòng này ghi đơn vị '{ $named }' nhưng tệp là báo cáo của { $unit }: hãy gửi các dòng của mỗi đơn vị trong tệp riêng của đơn vị đó
normalise-other-period = dòng này ghi kỳ báo cáo '{ $named }' nhưng tệp là báo cáo của kỳ { $period }
normalise-date-after-unit = hoạt động có ngày { $date }, nhưng { $unit } chỉ tồn tại { $span }: hoạt động của ngày đó thuộc báo cáo của đơn vị tồn tại vào thời điểm ấy
normalise-date-after-unit-became = hoạt động có ngày { $date }, nhưng { $unit } chỉ tồn tại { $span } (đơn vị này { $what }): hoạt động của ngày đó thuộc báo cáo của đơn vị tồn tại vào thời điểm ấy
normalise-quantity-unclear = không có cột nào mang tên số lượng, nhưng có { $count } cột trông giống cột số lượng ({ $names }), nên không đọc được số lượng: nếu cột đó đếm số sản phẩm, hãy đặt tên cột là 'Số lượng' (hoặc 'SL') và gửi lại tệp
normalise-quantity-hidden = cột số lượng { $names } bị ẩn trong trang tính, nên báo cáo không hiển thị số lượng và không đọc được số lượng nào: hãy hiện cột đó và gửi lại tệp
normalise-quantity-empty = số lượng đang để trống, trong khi bảng có cột số lượng ('{ $column }'): hãy điền số sản phẩm mà dòng này tính, từ 1 trở lên
normalise-quantity-below-one = số lượng { $quantity } không hợp lệ: số lượng dùng để đếm sản phẩm nên phải từ 1 trở lên
normalise-quantity-invalid = số lượng '{ $cell }' { $why }
normalise-quantity-unstated = mục này không ghi số lượng, nhưng { $names } trông giống số lượng: hãy đặt tên là 'quantity' (hoặc 'Số lượng')
normalise-figure-negative = { $field } { $value } là số âm
normalise-figure-invalid = { $field } '{ $cell }' { $why }
normalise-figure-merged = { $field } nằm trong một ô gộp qua các dòng { $first } đến { $last }, mà một số liệu không thể chia cho nhiều hoạt động: hãy ghi { $heading } riêng cho từng dòng
normalise-form-missing = chưa điền hình thức
normalise-form-unknown = hình thức '{ $form }' không có trong danh mục hình thức: { $forms }
normalise-form-unknown-near = hình thức '{ $form }' không có trong danh mục hình thức (có phải là '{ $near }'?): { $forms }
normalise-subtheme-unknown = chủ đề con '{ $subtheme }' không có trong danh mục chủ đề con (subthemes.csv)
normalise-theme-unknown = chủ đề '{ $theme }' không phải là mã, tên hay chủ đề con nào trong danh mục (các mã: { $codes })
normalise-theme-unknown-near = chủ đề '{ $theme }' không phải là mã, tên hay chủ đề con nào trong danh mục (có phải là '{ $near }'? các mã: { $codes })
normalise-theme-ambiguous = chủ đề để trống và tên tin bài khớp với nhiều chủ đề ({ $themes }): hãy điền chủ đề
normalise-theme-missing = chủ đề để trống và không suy ra được từ tên tin bài: hãy điền chủ đề
normalise-subtheme-mismatch = chủ đề con { $subtheme } thuộc chủ đề { $belongs }, không thuộc chủ đề { $theme }
normalise-hrc-invalid = nhóm ưu tiên HĐNQ '{ $cell }' không phải là số nhóm từ 1 đến 8
normalise-total-mismatch = dòng tổng ('{ $label }', dòng { $row }) ghi { $field ->
        [reach] lượt tiếp cận
       *[other] số lượng
    } là { $stated }, nhưng cộng { $items } mục đọc được phía trên được { $sum }{ $refused ->
        [0] : số liệu vẫn được lưu như đã đọc; đề nghị kiểm tra lại phép cộng trong tệp
       *[other] {" "}(có { $refused } dòng phía trên bị từ chối, có thể là lý do): số liệu vẫn được lưu như đã đọc
    } (lệnh baocao query data_quality liệt kê trường hợp này)
