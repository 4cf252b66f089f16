# Báo cáo tổng hợp năm: trang HTML, bản Markdown, báo cáo Word, các biểu
# đồ và các lỗi khi lập báo cáo tổng hợp. Tiếng Việt.

## Loại đơn vị, kỳ báo cáo, tình trạng và loại khoảng trống (theo mã)
summary-kind-district = UBND cấp huyện
summary-kind-culture-office = Phòng VH-TT
summary-kind-press = Báo Điện Biên Phủ
summary-kind-broadcaster = Đài PT-TH tỉnh
summary-kind-central-press = Cơ quan báo chí Trung ương
summary-kind-department = Sở, ban, ngành
summary-kind-commune = UBND xã
summary-kind-ward = UBND phường
summary-all = Tất cả
summary-period-kind-annual = Năm
summary-period-kind-monthly = Tháng
summary-status-on-time = Đúng hạn
summary-status-late = Muộn
summary-status-missing = Chưa nộp
summary-gap-unit-silent-all-year = Đơn vị không có hoạt động cả năm
summary-gap-unit-without-theme = Đơn vị không có hoạt động về chủ đề
summary-gap-peak-without-theme = Đợt cao điểm thiếu chủ đề
summary-gap-office-silent = Nhiều tháng liền không gửi báo cáo
summary-no-activity = không có hoạt động
summary-unknown-unit = (không rõ đơn vị)
summary-yes = có
summary-no = không
# ngày và tháng như văn bản viết (đủ hai chữ số, dạng chữ)
summary-date = { $day }/{ $month }/{ $year }
summary-month = { $month }/{ $year }
summary-month-short = T{ $month }

## Tiêu đề cột (theo tên cột)
summary-col-theme = Chủ đề
summary-col-items = Mục
summary-col-quantity = Số lượng
summary-col-reach = Lượt tiếp cận
summary-col-units = Đơn vị
summary-col-share-pct = Tỷ lệ (%)
summary-col-unit = Đơn vị
summary-col-total = Tổng
summary-col-period = Kỳ
summary-col-theme-code = Chủ đề
summary-col-peak = Đợt cao điểm
summary-col-start-date = Từ
summary-col-end-date = Đến
summary-col-quantity-inside = Trong đợt
summary-col-quantity-outside = Ngoài đợt
summary-col-rate-inside = Bình quân/tháng trong
summary-col-rate-outside = Bình quân/tháng ngoài
summary-col-lift = Hệ số tăng
summary-col-period-kind = Loại báo cáo
summary-col-unit-kind = Loại đơn vị
summary-col-expected = Phải nộp
summary-col-received = Đã nộp
summary-col-on-time = Đúng hạn
summary-col-late = Muộn
summary-col-missing = Chưa nộp
summary-col-reporting-rate-pct = Tỷ lệ nộp (%)
summary-col-on-time-rate-pct = Tỷ lệ đúng hạn (%)
summary-col-due-date = Hạn
summary-col-received-at = Ngày nhận
summary-col-status = Tình trạng
summary-col-form = Hình thức
summary-col-language = Ngôn ngữ
summary-col-duration-min = Thời lượng (phút)
summary-col-subtheme = Nội dung cụ thể
summary-col-gap = Loại khoảng trống
summary-col-subject = Đối tượng
summary-col-name = Tên
summary-col-detail = Chi tiết
summary-col-months = Số tháng
summary-col-rank = Hạng
summary-col-title = Tên tác phẩm
summary-col-unit-code = Đơn vị
summary-col-form-code = Hình thức
summary-col-activity-date = Ngày
summary-col-url = Đường dẫn
summary-col-reason-code = Mã lý do
summary-col-reason-kind = Lý do
summary-col-rows-refused = Dòng bị từ chối
summary-col-files-refused = Tệp bị từ chối
summary-col-example-file = Tệp ví dụ
summary-col-example-reason = Lý do cụ thể
# trên báo cáo Word, cột đếm nói rõ đếm gì
summary-col-items-paper = Số tin, bài, hoạt động
summary-col-units-paper = Số đơn vị

## Biểu đồ
summary-foot = Nguồn: baocao, báo cáo của các đơn vị ({ $source }) · lập ngày { $stamp }
summary-chart-themes-title = Số lượng tin, bài, hoạt động theo chủ đề, { $year }
summary-chart-themes-subtitle = Chủ đề theo mục 2.1 Công văn của Sở TT&TT
summary-chart-themes-axis = Số lượng (tin, bài, buổi, ...)
summary-chart-units-title = Số lượng theo đơn vị và chủ đề, { $year }
summary-chart-units-subtitle = Ô trống: đơn vị không có hoạt động nào về chủ đề đó
summary-chart-units-subtitle-as-of = Ô trống: không có hoạt động · đơn vị theo danh mục ngày { $day } (→: đơn vị đã chia tách)
summary-units-top = { $shown }/{ $all } đơn vị có số lượng lớn nhất (đủ: summary.xlsx)
summary-chart-monthly-title = Số lượng theo tháng và chủ đề, { $year }
summary-chart-monthly-subtitle = Vùng tô xám: các đợt truyền thông cao điểm (mục 2.2)
summary-axis-quantity = Số lượng
summary-chart-peaks-title = Bình quân mỗi tháng trong và ngoài đợt cao điểm, { $year }
summary-chart-peaks-subtitle = Mỗi cột: một đợt cao điểm và một chủ đề liên quan; —: đợt kéo dài cả năm, không có tháng ngoài đợt
summary-chart-peaks-axis = Số lượng bình quân mỗi tháng
summary-peaks-inside = Trong đợt cao điểm
summary-peaks-outside = Ngoài đợt (cùng năm)
summary-chart-reporting-title = Tình hình nộp báo cáo theo loại đơn vị, { $year }
summary-chart-reporting-subtitle = Báo cáo năm (hạn 05/11) và báo cáo tháng của Phòng VH-TT (hạn ngày 15)
summary-chart-reporting-axis = Số báo cáo
summary-reporting-group-monthly = { $kind } (hằng tháng)
summary-reporting-group-annual = { $kind } (năm)
summary-chart-offices-title = Báo cáo tháng của các Phòng VH-TT, { $year }
summary-chart-offices-subtitle = Mỗi ô: báo cáo của một tháng (hạn ngày 15)
summary-chart-forms-title = Hình thức truyền thông, { $year }
summary-chart-forms-subtitle = Tin, bài, phát thanh, truyền hình, tuyên truyền lưu động, ...
summary-chart-languages-title = Truyền thông bằng tiếng dân tộc thiểu số, { $year }
summary-chart-languages-subtitle = Số lượng theo ngôn ngữ phát sóng, đăng tải; bằng tiếng Việt: { $vietnamese }
summary-units-note = Đơn vị theo danh mục ngày { $day }: đơn vị sáp nhập tính cho đơn vị kế thừa; đơn vị bị chia tách giữ dòng riêng (→ nơi tiếp nhận).

## Số liệu chính và các mục cuối
summary-headline-items = Tin, bài, hoạt động
summary-headline-quantity = Số lượng
summary-headline-reach = Lượt tiếp cận
summary-headline-units = Đơn vị có hoạt động
summary-headline-reporting-rate = Tỷ lệ nộp báo cáo (%)
summary-headline-on-time-rate = Tỷ lệ đúng hạn (%)
summary-section-gaps = Những khoảng trống
summary-section-awards = Tác phẩm đề xuất khen thưởng (mục 2.3)
summary-section-rejects = Số liệu bị từ chối cần đôn đốc đơn vị bổ sung
summary-reason-before-codes = Lý do từ chối được ghi trước khi có mã lý do: xem tệp gốc.

## Trang HTML và bản Markdown
summary-title = Báo cáo tổng hợp kết quả truyền thông về quyền con người năm { $year }
summary-intro = Tỉnh Điện Biên. Số liệu từ báo cáo của các cơ quan, đơn vị gửi Sở Thông tin và Truyền thông; lập ngày { $stamp }
summary-made-on = Lập ngày { $stamp }
summary-by-theme = Theo từng chủ đề
summary-theme-figures = Số mục: { $items } · Số lượng: { $quantity } · Lượt tiếp cận: { $reach } · Đơn vị: { $units }
summary-by-peak = Theo từng đợt cao điểm

## Báo cáo Word
summary-reporting-none = Trong năm { $year }, không có báo cáo nào phải gửi.
summary-reporting = Tổng số báo cáo các cơ quan, đơn vị, địa phương phải gửi trong năm { $year }: { $expected }; đã nhận { $received } ({ $rate }%), trong đó đúng hạn { $on-time }, muộn { $late }; chưa gửi { $missing }.
summary-missing-unit = - { $unit }: { $periods }
summary-missing-years = năm { $years }
summary-missing-months = tháng { $months }
summary-missing-both = { $years }; { $months }
summary-docx-number = Số: .../{ $symbol }
summary-docx-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
summary-docx-motto = Độc lập - Tự do - Hạnh phúc
summary-docx-place-date = { $place }, ngày ... tháng ... năm ...
summary-docx-report = BÁO CÁO
summary-docx-title = Kết quả công tác truyền thông về quyền con người năm { $year }
summary-docx-opening = Thực hiện công văn về tăng cường công tác truyền thông về quyền con người năm { $year }, trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương, { $issuer } báo cáo kết quả như sau:
summary-docx-heading-reporting = I. TÌNH HÌNH GỬI BÁO CÁO
summary-docx-all-sent = Tất cả các đơn vị đã gửi đủ báo cáo.
summary-docx-missing-units = Các cơ quan, đơn vị chưa gửi báo cáo:
summary-docx-heading-results = II. KẾT QUẢ CÔNG TÁC TRUYỀN THÔNG
summary-docx-caption = Biểu đồ { $n }. { $title }
summary-docx-monthly-sheet = Số liệu chi tiết theo tháng: trang tính { $sheet } của tệp summary.xlsx.
summary-docx-by-subtheme = Theo chủ đề phụ:
summary-docx-heading-follow-up = III. NHỮNG NỘI DUNG CẦN LƯU Ý
summary-docx-none = Không có.
summary-docx-heading-assessment = IV. ĐÁNH GIÁ CHUNG
summary-docx-heading-proposals = V. ĐỀ XUẤT, KIẾN NGHỊ
summary-docx-recipients = Nơi nhận:

## Lỗi
summary-error-empty-year = Kho dữ liệu chưa có hoạt động nào của năm { $year }: hãy nạp (ingest) báo cáo của năm đó trước, hoặc chọn năm khác bằng --year
summary-error-no-campaign = Không có dữ liệu tham chiếu cho năm { $year }, nên chưa biết các chủ đề và đợt cao điểm của năm đó: hãy tạo thư mục năm { $year } trong dữ liệu tham chiếu (baocao reference new)
summary-error-io = Không ghi được { $path }: { $error }; hãy kiểm tra quyền ghi vào thư mục (hoặc chọn thư mục khác bằng --out) và dung lượng còn trống của ổ đĩa
summary-error-workbook = Không ghi được bảng tính { $path }: { $error }
summary-error-draw = Không vẽ được { $file }: { $error }
summary-error-draw-write = Không ghi được { $path }: { $error }
summary-answer-missing = Kết quả của truy vấn { $query } không có cột { $column } mà báo cáo tổng hợp cần đọc
summary-answer-kind = Cột { $column } của truy vấn { $query } chứa { $found }, trong khi báo cáo tổng hợp cần { $wanted }
summary-answer-unreadable = Không đọc được kết quả của truy vấn { $query }: { $error }
summary-cells-numbers = số
summary-cells-text = chữ
summary-cells-dates = ngày tháng
summary-cells-bool = giá trị đúng/sai
summary-pivot = Không đọc được kết quả của truy vấn coverage_by_unit: { $why }
summary-pivot-no-code = có dòng thiếu unit_code hoặc theme_code
summary-pivot-no-quantity = có dòng thiếu số lượng (quantity)
summary-pivot-no-total = có dòng thiếu tổng của đơn vị (unit_total)
summary-pivot-no-theme = không có số lượng cho chủ đề { $theme }
