// tests/unit/test_obj.c: the object model seen from C: tagging, interning, containers,
// equality/hash consistency, exceptions, classes, and compiling + running code.
#include <string.h>

#include "py/objtype.h"
#include "py/runtime.h"
#include "py/state.h"
#include "tests/unit/unit_harness.h"

static void test_small_int_tagging(void) {
    CHECK(py_is_small(py_small(0)) && py_small_get(py_small(0)) == 0);
    CHECK(py_small_get(py_small(PY_SMALL_MAX)) == PY_SMALL_MAX);
    CHECK(py_small_get(py_small(PY_SMALL_MIN)) == PY_SMALL_MIN);
    CHECK(py_small_get(py_small(-1)) == -1);
    py_val big = py_int_from(PY_SMALL_MAX);
    CHECK(py_is_small(big));
    py_val bigger = py_binary_op(PY_OP_ADD, big, py_small(1)); // leaves the small range
    CHECK(!py_is_small(bigger) && py_is_int(bigger));
    py_val back = py_binary_op(PY_OP_SUB, bigger, py_small(1));
    CHECK(py_is_small(back) && back == big); // results that fit are small again
    CHECK(py_typeof(py_small(5)) == &py_type_int);
}

static void test_qstr_interning(void) {
    qstr a = py_qstr_from_str("sensor_value");
    qstr b = py_qstr_from_strn("sensor_value_x", 12);
    CHECK(a == b);
    CHECK(py_qstr_find("sensor_value", 12) == a);
    CHECK(py_qstr_find("never_interned_name", 19) == PY_QSTR_NULL);
    CHECK(py_qstr_from_str("append") == PY_QSTR_append); // a static one
    // a str object with the same text: equal and same hash as the qstr
    py_val heap = py_str_new("sensor_value_but_longer_than_16", 12 + 19);
    py_val heap_short = py_binary_op(PY_OP_ADD, py_str_from_cstr("sensor_"), py_str_from_cstr("value"));
    CHECK(py_equal(heap_short, py_qstr_val(a)));
    CHECK(py_hash(heap_short) == py_hash(py_qstr_val(a)));
    CHECK(!py_equal(heap, py_qstr_val(a)));
}

static void test_dict_many_keys(void) {
    py_dict *d = (py_dict *)py_dict_new(0);
    for (int i = 0; i < 1000; i++) {
        py_dict_set(d, py_small(i * 7), py_small(i));
    }
    CHECK(py_dict_len(d) == 1000);
    bool all = true;
    for (int i = 0; i < 1000; i++) {
        py_val v = py_dict_get(d, py_small(i * 7));
        all &= v == py_small(i);
    }
    CHECK(all);
    for (int i = 0; i < 1000; i += 2) {
        CHECK(py_dict_remove(d, py_small(i * 7)) == py_small(i));
    }
    CHECK(py_dict_len(d) == 500);
    CHECK(py_dict_get(d, py_small(0)) == PY_NULL);
    // insertion order survives deletions and the resizes they cause
    size_t pos = 0;
    int expect = 1;
    bool ordered = true;
    for (py_dict_entry *e; (e = py_dict_next(d, &pos)) != NULL; expect += 2) {
        ordered &= e->value == py_small(expect);
    }
    CHECK(ordered && expect == 1001);
    // a float key equal to an int key is the same key
    py_dict_set(d, py_float_new(7.0), py_small(-1));
    CHECK(py_dict_get(d, py_small(7)) == py_small(-1));
}

static void test_set_order_matches_cpython(void) {
    // CPython 3.11: print({3, 1, 2}) → {1, 2, 3}; {100, 5, 33} → {33, 100, 5}
    py_val s = py_set_new(3, (py_val[]){py_small(3), py_small(1), py_small(2)});
    py_val r = py_repr(s);
    CHECK(py_equal(r, py_str_from_cstr("{1, 2, 3}")));
    py_val t = py_set_new(3, (py_val[]){py_small(100), py_small(5), py_small(33)});
    CHECK(py_equal(py_repr(t), py_str_from_cstr("{33, 100, 5}")));
}

static void test_hash_eq_consistency(void) {
    py_val one[] = {py_small(1), py_float_new(1.0), PY_TRUE};
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
            CHECK(py_equal(one[i], one[j]));
            CHECK(py_hash(one[i]) == py_hash(one[j]));
        }
    }
    CHECK(py_hash(py_small(-1)) == (py_uint_t)-2);
    py_val t1 = py_tuple_new(2, (py_val[]){py_small(1), py_str_from_cstr("a")});
    py_val t2 = py_tuple_new(2, (py_val[]){py_float_new(1.0), py_qstr_val(py_qstr_from_str("a"))});
    CHECK(py_equal(t1, t2) && py_hash(t1) == py_hash(t2));
}

static void test_list_sort_stable(void) {
    py_val l = py_list_new(0, NULL);
    for (int i = 0; i < 50; i++) {
        py_val pair[2] = {py_small(i % 3), py_small(i)};
        py_list_append(l, py_tuple_new(2, pair));
    }
    py_val key = py_compile("lambda p: p[0]", 14, PY_QSTR_lt_string_gt, PY_COMPILE_EVAL);
    py_dict *g = (py_dict *)py_dict_new(0);
    py_val keyfn = py_exec_code(key, g, g);
    extern void py_list_sort(py_val, py_val, bool);
    py_list_sort(l, keyfn, false);
    py_list *ll = (py_list *)l;
    bool stable = true;
    for (size_t i = 1; i < ll->len; i++) {
        py_tuple *a = (py_tuple *)ll->items[i - 1], *b = (py_tuple *)ll->items[i];
        if (a->items[0] == b->items[0]) {
            stable &= py_small_get(a->items[1]) < py_small_get(b->items[1]);
        } else {
            stable &= py_small_get(a->items[0]) < py_small_get(b->items[0]);
        }
    }
    CHECK(stable);
}

static void test_exceptions_nest(void) {
    py_nlr outer, inner;
    volatile bool inner_caught = false, outer_caught = false; // set between setjmp and longjmp
    if (py_nlr_push(&outer) == 0) {
        if (py_nlr_push(&inner) == 0) {
            py_raise_msg(&py_type_KeyError, "k");
        } else {
            inner_caught = py_isinstance(inner.exc, &py_type_LookupError);
        }
        py_raise_fmt(&py_type_ValueError, "bad %d", 42);
    } else {
        outer_caught = py_exc_matches(outer.exc, (py_val)&py_type_ValueError);
        CHECK(py_equal(py_str_of(outer.exc), py_str_from_cstr("bad 42")));
    }
    CHECK(inner_caught && outer_caught);
}

static void test_class_mro_diamond(void) {
    // class A; class B(A); class C(A); class D(B, C): D.__mro__ == (D, B, C, A, object)
    py_val obj = (py_val)&py_type_object;
    py_val A = py_type_new(&py_type_type, py_qstr_from_str("A"), py_tuple_new(1, &obj), (py_dict *)py_dict_new(0));
    py_val B = py_type_new(&py_type_type, py_qstr_from_str("B"), py_tuple_new(1, &A), (py_dict *)py_dict_new(0));
    py_val C = py_type_new(&py_type_type, py_qstr_from_str("C"), py_tuple_new(1, &A), (py_dict *)py_dict_new(0));
    py_val bc[2] = {B, C};
    py_val D = py_type_new(&py_type_type, py_qstr_from_str("D"), py_tuple_new(2, bc), (py_dict *)py_dict_new(0));
    py_tuple *mro = ((const py_type *)D)->mro;
    CHECK(mro->len == 5);
    CHECK(mro->items[0] == D && mro->items[1] == B && mro->items[2] == C && mro->items[3] == A &&
          mro->items[4] == obj);
    py_val inst = py_call0(D);
    py_store_attr(inst, py_qstr_from_str("x"), py_small(9));
    CHECK(py_load_attr(inst, py_qstr_from_str("x")) == py_small(9));
    CHECK(py_isinstance(inst, (const py_type *)A));
    py_store_attr(A, py_qstr_from_str("shared"), py_small(3)); // class attribute, seen through D
    CHECK(py_load_attr(inst, py_qstr_from_str("shared")) == py_small(3));
}

static void test_compile_and_run(void) {
    const char *src = "def f(n):\n    return sum(i * i for i in range(n))\nresult = f(10)\n";
    py_val code = py_compile(src, strlen(src), PY_QSTR_lt_string_gt, PY_COMPILE_FILE);
    py_dict *g = (py_dict *)py_dict_new(0);
    py_exec_code(code, g, g);
    CHECK(py_dict_get_qstr(g, py_qstr_from_str("result")) == py_small(285));
    // a syntax error is an exception, not a crash
    py_nlr nlr;
    bool syntax = false;
    if (py_nlr_push(&nlr) == 0) {
        py_compile("x = (1,\n", 8, PY_QSTR_lt_string_gt, PY_COMPILE_FILE);
        py_nlr_pop();
    } else {
        syntax = py_isinstance(nlr.exc, &py_type_SyntaxError);
    }
    CHECK(syntax);
}

static void test_str_code_points(void) {
    py_val s = py_str_from_cstr("h\xc3\xa9llo \xe2\x82\xac!"); // "héllo €!"
    CHECK(py_len(s) == 8);
    py_val e = py_subscr_load(s, py_small(1));
    CHECK(py_equal(e, py_str_from_cstr("\xc3\xa9")));
    py_val euro = py_subscr_load(s, py_small(-2));
    CHECK(py_equal(euro, py_str_from_cstr("\xe2\x82\xac")));
}

int main(void) {
    static const uh_test tests[] = {
        {"small_int_tagging", test_small_int_tagging},
        {"qstr_interning", test_qstr_interning},
        {"dict_many_keys", test_dict_many_keys},
        {"set_order_matches_cpython", test_set_order_matches_cpython},
        {"hash_eq_consistency", test_hash_eq_consistency},
        {"list_sort_stable", test_list_sort_stable},
        {"exceptions_nest", test_exceptions_nest},
        {"class_mro_diamond", test_class_mro_diamond},
        {"compile_and_run", test_compile_and_run},
        {"str_code_points", test_str_code_points},
    };
    return uh_run("obj", tests, sizeof(tests) / sizeof(tests[0]));
}
