// py/qstrdefs.h: interned strings whose text is not a plain identifier, for the generator
// (tools/gen_qstr.py). Identifiers need no entry: writing PY_QSTR_foo anywhere in the sources
// interns "foo". Format, one per line: QDEF(name, "text") gives PY_QSTR_name.
QDEF(lt_module_gt, "<module>")
QDEF(lt_lambda_gt, "<lambda>")
QDEF(lt_listcomp_gt, "<listcomp>")
QDEF(lt_dictcomp_gt, "<dictcomp>")
QDEF(lt_setcomp_gt, "<setcomp>")
QDEF(lt_genexpr_gt, "<genexpr>")
QDEF(lt_stdin_gt, "<stdin>")
QDEF(lt_string_gt, "<string>")
QDEF(space, " ")
QDEF(newline, "\n")
QDEF(star, "*")
QDEF(dot, ".")
QDEF(comma_space, ", ")
QDEF(dot0, ".0")
QDEF(newline_kw, "newline")
