# `baocao trends`: its errors, and the alerts' details (said in the process language). Vietnamese.
trends-cannot-write = không ghi được { $path }: { $error }
trends-busy = một lần chạy baocao trends khác đang ghi { $out }; hãy chạy lại khi lần đó kết thúc (không có --no-wait thì baocao sẽ chờ)
trends-not-trends-folder = { $out } chứa các tệp không phải tệp xu hướng (không có { $manifest }); baocao trends thay toàn bộ thư mục đầu ra, nên hãy chọn --out là một thư mục mới hoặc trống
trends-bad-out = { $out } không phải là tên thư mục baocao trends ghi được; hãy cho --out một thư mục, ví dụ ./trends
trends-hint-full = ; ổ đĩa đã đầy: hãy giải phóng dung lượng rồi chạy lại; các tệp xu hướng trước đó vẫn giữ nguyên
trends-hint-read-only = ; thư mục chỉ cho phép người dùng này đọc: hãy xin quyền ghi hoặc chọn --out khác; các tệp xu hướng trước đó vẫn giữ nguyên
trends-removed-leftovers = đã xoá { $n } thư mục dở dang do một lần chạy bị ngắt để lại bên cạnh { $name }
trends-reading = tính đến ngày { $day }: đang đọc { $lake } để ghi { $out }
trends-file-rows = { $file }: { $n } dòng (baocao query { $query })
trends-latest = nhận gần nhất ngày { $day }
trends-latest-none = chưa nhận báo cáo nào
trends-submissions = { $n } báo cáo có hiệu lực ngày { $day } ({ $latest })
trends-wrote = đã ghi { $n } tệp và { $manifest } vào { $out }
trends-no-answer = truy vấn { $query } không trả về kết quả
trends-waiting = một lần chạy baocao trends khác đang ghi { $out }; đang chờ lần đó kết thúc
trends-unexpected-columns = submission_versions có kiểu cột không như dự kiến
trends-alert-silent-none = Không có báo cáo tháng cho các kỳ { $periods } ({ $months } tháng liên tiếp); chưa nhận được báo cáo nào.
trends-alert-silent = Không có báo cáo tháng cho các kỳ { $periods } ({ $months } tháng liên tiếp); báo cáo nhận được gần nhất là của kỳ { $last }.
trends-alert-theme-drop = Số lượng kỳ { $month } là { $quantity }, chưa bằng một nửa mức trung bình { NUMBER($average, maximumFractionDigits: 2) } của các kỳ { $first } đến { $last }.
trends-alert-peak-shortfall = Ngày thứ { $day } trên { $days } ngày của đợt: số lượng báo cáo trong { $reported } ngày đầu là { $quantity }, chưa bằng một nửa mức { $expected } theo nhịp độ trước đợt.
trends-alert-rows-refused = { $rows } dòng của báo cáo kỳ { $period } ({ $file }) bị từ chối, dòng đầu tiên là dòng { $first }: { $reason } Hãy gửi báo cáo đã sửa.
trends-alert-file-refused = Toàn bộ tệp bị từ chối: { $reason }
trends-alert-outlier = { $field ->
        [reach] Lượt tiếp cận
        [duration_min] Thời lượng (phút)
       *[other] Số lượng của một báo cáo tháng
    } { $value } trong { $file }{ $row ->
        [none] {""}
       *[other] {" "}(dòng { $row })
    } nằm ngoài khoảng thường gặp (mức ở giữa { $median }). Đề nghị kiểm tra lại với đơn vị.
