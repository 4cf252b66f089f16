# baocao serve: kho dữ liệu dưới dạng máy chủ PostgreSQL; ai được kết nối. Tiếng Việt.
serve-users-unreadable = không đọc được tệp người dùng { $path }: { $error }
serve-users-bad-line = dòng { NUMBER($line, useGrouping: "false") } của tệp người dùng { $path } không có dạng 'tên:SCRAM-SHA-256$...': hãy thêm người dùng bằng lệnh baocao users add TÊN --users { $path } thay vì sửa tệp bằng tay
serve-no-users = chưa có người dùng nào được phép kết nối: tệp người dùng { $path } không tồn tại hoặc đang trống. Thêm người dùng bằng lệnh: baocao users add TÊN --users { $path }
serve-tls-unloadable = không nạp được chứng chỉ hoặc khoá TLS { $path } ({ $error }): máy chủ không thể khởi động nếu thiếu tệp này. Hãy chỉ ra chuỗi chứng chỉ dạng PEM bằng --tls-cert và khoá riêng của nó bằng --tls-key, hoặc bỏ cả hai để chỉ phục vụ ngay trên máy này (127.0.0.1), không dùng TLS
serve-tls-no-certificate = tệp không chứa chứng chỉ PEM nào (-----BEGIN CERTIFICATE-----)
serve-tls-no-key = tệp không chứa khoá riêng PEM nào (-----BEGIN PRIVATE KEY-----)
serve-cannot-listen = không lắng nghe được trên { $addr }: { $error } (có máy chủ khác đang dùng cổng đó không? hãy chọn cổng khác bằng --listen 127.0.0.1:CỔNG)
serve-login-failed = xác thực mật khẩu không thành công cho người dùng "{ $user }"
serve-tls-required = máy chủ này chỉ nhận kết nối TLS: hãy kết nối với sslmode=require
serve-too-many = máy chủ đã phục vụ đủ { NUMBER($limit, useGrouping: "false") } kết nối, là mức tối đa (--max-connections): hãy thử lại khi có kết nối được đóng
serve-timeout = câu lệnh đã bị dừng sau { NUMBER($seconds, useGrouping: "false") } giây do vượt giới hạn thời gian của máy chủ (--statement-timeout) hoặc statement_timeout bạn đã đặt: hãy thu hẹp phạm vi bằng WHERE (một năm, một đơn vị) hoặc lấy ít dòng hơn
serve-memory-limit = câu lệnh cần nhiều bộ nhớ hơn mức tối đa cho phép với mỗi câu lệnh (--memory-limit): hãy thu hẹp phạm vi bằng WHERE (một năm, một đơn vị), nhóm theo ít cột hơn, hoặc lấy ít dòng hơn
serve-language-unknown = lc_messages '{ $value }' không phải ngôn ngữ baocao hỗ trợ: hãy ghi 'vi' hoặc 'en'
serve-cancelled = câu lệnh đã được huỷ theo yêu cầu của bạn
serve-plain-on-network = máy chủ này nhận kết nối từ máy khác mà không dùng TLS: mật khẩu vẫn được bảo vệ (SCRAM-SHA-256), nhưng số liệu truyền qua mạng không được mã hoá, bất kỳ ai trên đường truyền đều có thể đọc được; hãy dùng --tls-cert và --tls-key
serve-engine-fault = bộ máy truy vấn gặp lỗi khi chạy câu lệnh này ({ $error }); máy chủ vẫn hoạt động: hãy thử thu hẹp phạm vi câu lệnh bằng WHERE, hoặc tăng giới hạn bộ nhớ (--memory-limit)
