plain_content plain_count
#undef plain_count
#define plain_count 2
