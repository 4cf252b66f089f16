# Những từ và câu mọi khâu dùng chung. Tiếng Việt.
