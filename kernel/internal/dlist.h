// kernel/internal/dlist.h: intrusive circular doubly linked lists (struct k_dnode).
// A head is a k_dnode pointing at itself when empty; a node not on a list has next == NULL
// (kern_dlist_remove leaves it so), which lets callers test membership in O(1).
// Non-goal: no allocation, no iteration macros beyond the plain loop below.
#ifndef KERNEL_INTERNAL_DLIST_H
#define KERNEL_INTERNAL_DLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "rtos/kernel.h"

#define KERN_CONTAINER_OF(ptr, type, member)                                                       \
    ((type *)(void *)((char *)(ptr)-offsetof(type, member)))

static inline void kern_dlist_init(struct k_dnode *head) {
    head->next = head->prev = head;
}

static inline bool kern_dlist_empty(const struct k_dnode *head) {
    return head->next == head;
}

static inline bool kern_dnode_linked(const struct k_dnode *n) {
    return n->next != NULL;
}

static inline struct k_dnode *kern_dlist_first(const struct k_dnode *head) {
    return head->next == head ? NULL : head->next;
}

// Inserts n before `at` (at the tail when `at` is the head).
static inline void kern_dlist_insert_before(struct k_dnode *at, struct k_dnode *n) {
    n->prev = at->prev;
    n->next = at;
    at->prev->next = n;
    at->prev = n;
}

static inline void kern_dlist_append(struct k_dnode *head, struct k_dnode *n) {
    kern_dlist_insert_before(head, n);
}

static inline void kern_dlist_prepend(struct k_dnode *head, struct k_dnode *n) {
    kern_dlist_insert_before(head->next, n);
}

static inline void kern_dlist_remove(struct k_dnode *n) {
    n->prev->next = n->next;
    n->next->prev = n->prev;
    n->next = n->prev = NULL;
}

// True if the list has exactly one node.
static inline bool kern_dlist_single(const struct k_dnode *head) {
    return head->next != head && head->next == head->prev;
}

#endif // KERNEL_INTERNAL_DLIST_H
