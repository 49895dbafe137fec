/* Comments, splices, null directives, pragmas, digraph directives. */
#
# /* null directive with a comment */
int a = 1; // line comment \
continued comment
int b = 2; /* block
comment */ int c = 3;
#def\
ine SPLICED sp\
liced
SPLICED
"a string with // no comment" 'c' "/* nor this */"
#pragma once_not_really
#pragma GCC poison nothing
_Pragma("message(\"hi\")") after_pragma
%:define DIGRAPH dig
DIGRAPH
#define EMPTY_FN() 
EMPTY_FN() x EMPTY_FN ( ) y
#define OBJ_PAREN (1)
OBJ_PAREN
#define SPACE_BEFORE_PAREN (x) x
SPACE_BEFORE_PAREN
  #  define INDENTED indented
INDENTED
