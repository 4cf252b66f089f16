# Words and sentences every stage shares. English.
