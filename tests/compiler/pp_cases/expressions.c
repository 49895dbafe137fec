/* #if arithmetic is intmax_t / uintmax_t (6.10.1p4). */
#if -1 < 0u
r1_wrong
#else
r1_unsigned_compare
#endif
#if 0x7fffffffffffffff + 1 < 0
r2_wraps
#endif
#if (2 || 1 / 0) && !(0 && 1 % 0) && (1 ? 2 : 1 / 0)
r3_short_circuit
#endif
#if '\377' < 0 && 'a' == 97 && '\n' == 10 && '\x41' == 65 && '\0' == 0 && 'ab' == 24930
r4_chars
#endif
#if L'\xffffffff' < 0 && u'\xffff' > 0 && U'x' == 120
r5_wide_chars
#endif
#if 1 ? -1 : 0u
r6_cond_unsigned_nonzero
#endif
#if (1 ? -1 : 0u) > 0
r7_cond_is_unsigned
#endif
#if -1 >> 1 == -1 && 1 << 63 < 0 && 1u << 63 > 0 && (1 << 2, 7) == 7
r8_shifts_comma
#endif
#if 10 / 3 == 3 && -10 / 3 == -3 && -10 % 3 == -1 && 10 % -3 == 1
r9_division_truncates
#endif
#if 0x10 == 16 && 010 == 8 && 0b101 == 5 && 10ULL == 10 && 0xFFFFFFFFFFFFFFFF == -1
r10_literals
#endif
#if ~0 == -1 && ~0u == 18446744073709551615u && !0 == 1 && -(-3) == 3 && +4 == 4
r11_unary
#endif
#if (1 < 2) + (2 <= 2) + (3 > 2) + (2 >= 3) + (1 == 1) + (1 != 1) == 4
r12_compare
#endif
#if (6 & 3) == 2 && (6 | 3) == 7 && (6 ^ 3) == 5 && (1 && 2) == 1 && (0 || 3) == 1
r13_bitwise_logical
#endif
#if 1 ? 2 ? 3 : 4 : 5
r14_nested_ternary
#endif
#if 0 ? 1 : 0 ? 2 : 3
r15_right_assoc
#endif
#if (((((((((((1)))))))))))
r16_parens
#endif
#if __STDC__ && __STDC_VERSION__ == 199901L && __LINE__ == 52
r17_predefined
#endif
