/* Header for pp_include_guard.c, protected by #pragma once. */
#pragma once

enum { ONCE_VALUE = 23 };
