#ifndef WORKMIX_CLIBGIT2_SHIM_H
#define WORKMIX_CLIBGIT2_SHIM_H
#include <git2.h>

// git_libgit2_opts is variadic, which Swift cannot call: one fixed-arity wrapper per option we set.
static inline int workmix_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
static inline int workmix_git_enable_caching(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}
static inline int workmix_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
#endif
