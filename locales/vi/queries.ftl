# Mỗi truy vấn có tên (queries/*.sql) trả lời câu hỏi gì, như `baocao queries` liệt kê:
# named-<tên truy vấn, '_' thành '-'>.
named-coverage-by-form = Cơ cấu hình thức trong năm (tin, bài, chương trình phát thanh - truyền hình, tuyên truyền trực tiếp, ...): số mục, số lượng, lượt tiếp cận và tỷ lệ trong tổng số lượng.
named-coverage-by-peak = Với mỗi đợt cao điểm và mỗi chủ đề của đợt: số lượng trong đợt, mức bình quân tháng trong và ngoài đợt của cùng năm, và mức tăng (bình quân trong đợt / bình quân ngoài đợt).
named-coverage-by-subtheme = Kết quả theo từng chủ đề nhánh trong năm (các mục có ghi chủ đề nhánh), trong từng chủ đề.
named-coverage-by-theme = Kết quả theo từng chủ đề trong năm: số mục, số lượng, lượt tiếp cận, số đơn vị thực hiện và tỷ lệ của chủ đề trong tổng số lượng của năm.
named-coverage-by-unit = Bảng đơn vị x chủ đề của năm, mỗi dòng một đơn vị và một chủ đề: số lượng theo đơn vị và chủ đề, ghi 0 khi đơn vị không có hoạt động nào về chủ đề đó, để thấy chỗ còn trống.
named-gaps = Những gì còn thiếu trong năm: đơn vị không báo cáo gì, đơn vị không có hoạt động về một chủ đề, chủ đề không có hoạt động trong đợt cao điểm liên quan, và cơ quan phải báo cáo hằng tháng (phòng Văn hóa - Thông tin đến năm 2025, xã, phường từ sau đó) không gửi từ hai tháng trở lên.
named-lake-overview = Tổng quan dữ liệu trong kho: báo cáo hiện hành và báo cáo đã được thay thế, số đơn vị đã báo cáo, số mục hiện hành và số lượng, số dòng và tệp bị từ chối, và định dạng tệp của các báo cáo hiện hành.
named-language-coverage = Kết quả theo ngôn ngữ phát sóng trong năm (tiếng Việt và tiếng các dân tộc ở Điện Biên: Thái, Mông, Khơ Mú, ...): số mục, số lượng, lượt tiếp cận, số phút phát sóng, số đơn vị.
named-monthly-trend = Số lượng theo chủ đề và tháng trong năm, đủ mọi tháng và mọi chủ đề (ghi 0 khi không có hoạt động), để thấy xu hướng và các đợt cao điểm.
named-rejects-summary = Những gì bị từ chối và còn phải trao đổi lại với đơn vị, theo đơn vị và loại lý do (reason_code): dòng bị từ chối của báo cáo hiện hành, và tệp bị từ chối chưa được gửi lại.
named-reporting-rate = Mức đầy đủ và đúng hạn của báo cáo theo cách của DHIS2, theo loại báo cáo, loại đơn vị và toàn tỉnh: số báo cáo phải gửi, đã nhận, nhận đúng hạn, tỷ lệ báo cáo và tỷ lệ đúng hạn.
named-reporting-status = Mọi báo cáo mà văn bản yêu cầu trong năm, với ngày nhận và tình trạng đúng hạn, muộn hay chưa gửi.
named-top-works = Các tác phẩm đề xuất khen thưởng theo mục 2.3 của văn bản: theo từng chủ đề, các tác phẩm có lượt tiếp cận lớn nhất trong năm.
named-trend-alerts = Những việc cần xử lý tính đến một ngày: cơ quan phải báo cáo hằng tháng không gửi từ hai tháng trở lên, chủ đề giảm một nửa so với bình quân 3 tháng, đợt cao điểm đã qua một nửa mà kết quả chưa đạt một nửa mức dự kiến, dòng bị từ chối chưa được sửa, số liệu bất thường cần kiểm tra lại (các cảnh báo trong tệp xu hướng).
named-trend-peak-monthly = Với mỗi đợt cao điểm, số lượng về các chủ đề của đợt theo từng tháng đến ngày tính, tháng đó có nằm trong đợt hay không, và mức tăng so với các tháng ngoài đợt (tệp xu hướng peak_monthly).
named-trend-theme-monthly = Từng chủ đề theo từng tháng đến ngày tính, với bình quân 3 tháng và mức thay đổi so với tháng trước và cùng tháng năm trước (tệp xu hướng theme_monthly).
named-trend-unit-monthly = Từng đơn vị theo từng tháng đến ngày tính: số mục, số lượng, lượt tiếp cận, số chủ đề đã thực hiện và báo cáo tháng đó đã được nhận hay chưa (tệp xu hướng unit_monthly).
named-outliers = Số liệu ghi nhận đúng như báo cáo nhưng chênh lệch lớn so với số liệu thường gặp của chính đơn vị (hoặc của các đơn vị cùng loại, khi đơn vị có ít số liệu): lượt tiếp cận, thời lượng của một tin, bài, hoạt động, hoặc số lượng của một báo cáo tháng.
named-data-quality = Mọi số liệu trong năm cần kiểm tra lại với đơn vị (chỉ đánh dấu, không từ chối, không bỏ qua): số liệu bất thường, số liệu chưa đúng quy tắc kiểm tra, và tệp có dòng tổng không khớp với các mục, kèm lời giải thích.
