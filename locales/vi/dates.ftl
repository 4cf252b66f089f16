# Ngày tháng: phần cuối của câu bắt đầu bằng nội dung ô ngày (vì sao đó không
# phải là ngày), lý do từ chối ngày của mục, ghi chú về cột ngày, và cách viết
# ngày, tháng bằng chữ. Tiếng Việt.

date-not-real = không phải là một ngày có thật
date-not-a-serial = không phải là ngày (là một con số nhưng không phải số ngày của Excel)
date-not-a-date = không phải là ngày
date-time-of-day = là giờ trong ngày, không phải là ngày
date-not-a-real-time = có giờ không hợp lệ
date-not-a-real-month = không phải là một tháng có thật
date-unreadable = không phải là ngày: hãy ghi theo dạng dd/mm/yyyy, yyyy-mm-dd hoặc tháng 7/2023
date-missing = thiếu ngày thực hiện hoạt động
date-activity-why = ngày thực hiện hoạt động { $why }
date-activity-cell-why = ngày thực hiện hoạt động '{ $cell }' { $why }
date-outside-period = ngày thực hiện hoạt động '{ $cell }' ({ $shown }) nằm ngoài kỳ báo cáo của tệp này, kỳ { $period } (các mục phải có ngày thực hiện { $window }): hãy kiểm tra lại ngày, hoặc gửi mục này cùng báo cáo của đúng kỳ
date-no-year = ngày thực hiện hoạt động '{ $cell }' không ghi năm, và không có ngày nào như vậy nằm trong kỳ báo cáo của tệp này, kỳ { $period } ({ $window }): hãy ghi theo dạng dd/mm/yyyy
date-ambiguous-order = ngày thực hiện hoạt động '{ $cell }' có thể là { $first } hoặc { $second }, vì cột ngày có ngày ghi theo thứ tự ngày trước lẫn tháng trước: hãy ghi theo dạng dd/mm/yyyy
date-only-month-first = ngày thực hiện hoạt động '{ $cell }' chỉ có nghĩa khi đọc tháng trước ({ $date }), nhưng các ngày khác trong cột được ghi ngày trước: hãy ghi mọi ngày theo dạng dd/mm/yyyy
date-locale-swapped = ô ngày thực hiện hoạt động chứa { $stored }, nhưng cột này được nhập theo thứ tự ngày trước (các ngày khác ghi dd/mm/yyyy) và một bảng tính đặt thứ tự tháng trước có thể đã đọc ngược '{ $typed }': ngày đó có thể là { $stored } hoặc { $other }; hãy nhập lại dưới dạng văn bản dd/mm/yyyy (hoặc đặt bảng tính theo định dạng Việt Nam) rồi gửi lại tệp
date-note-month-first = ngày tháng được đọc theo thứ tự tháng trước (mm/dd/yyyy, như Windows đặt định dạng Mỹ ghi): nếu đọc ngày trước, { $wrong } trên { $total } ngày sẽ không có thật hoặc nằm ngoài kỳ { $period } ({ $window }); đọc tháng trước thì mọi ngày đều hợp lệ
date-note-turned-round = { $n } ô ngày của cột ngày bị một bảng tính đặt thứ tự tháng trước đảo ngược ngày và tháng, trong khi các ngày dạng văn bản của cột được nhập theo thứ tự ngày trước: đã đọc đúng như khi nhập ({ $dates })
date-read-as = { $stored } thành { $typed }

## Ngày, tháng bằng chữ
date-month-name = tháng { $month }
date-day = ngày { $day } { $month }
date-long = ngày { $day } { $month } năm { $year }
date-month = { $month } năm { $year }
date-window = từ { $start } đến { $end } năm { $year }
date-window-years = từ { $start } đến { $end }
