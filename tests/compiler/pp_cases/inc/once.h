#pragma once
once_content
#define once_value 7
