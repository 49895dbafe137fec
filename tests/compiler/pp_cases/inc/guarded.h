/* an include guard */
#ifndef GUARDED_H
#define GUARDED_H
guarded_content
#define guarded_value 42
#endif
