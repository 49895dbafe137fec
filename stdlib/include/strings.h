/* <strings.h>: case-insensitive comparison (declared with <string.h>). */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <string.h>

#endif
