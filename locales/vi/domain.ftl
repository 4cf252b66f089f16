# Những từ của nghiệp vụ mà mọi khâu dùng: kỳ báo cáo.
period-month = tháng { $month }/{ $year }
period-quarter = quý { $quarter }/{ $year }
period-year = năm { $year }
