/* The GSSAPI functions Debian's libgit2.a calls for HTTP "Negotiate" (Kerberos) authentication, for
 * the release binary: Debian ships that library only shared, and it is no base-system library.
 * workmix reads local repositories and never fetches, so none of these is called; each answers as
 * GSSAPI does with no mechanism installed (GSS_S_FAILURE), and releasing nothing succeeds.
 * Built into a static archive by .ci/static-libs, for the release build only. */
#include <stddef.h>

typedef unsigned int OM_uint32;
#define GSS_S_COMPLETE 0u
#define GSS_S_FAILURE (13u << 16)

struct buffer { size_t length; void *value; };

void *GSS_C_NT_HOSTBASED_SERVICE = NULL;

static OM_uint32 complete(OM_uint32 *minor) { if (minor) *minor = 0; return GSS_S_COMPLETE; }
static OM_uint32 failure(OM_uint32 *minor) { if (minor) *minor = 0; return GSS_S_FAILURE; }

OM_uint32 gss_release_buffer(OM_uint32 *minor, void *buffer) { (void)buffer; return complete(minor); }
OM_uint32 gss_release_name(OM_uint32 *minor, void *name) { (void)name; return complete(minor); }
OM_uint32 gss_release_oid_set(OM_uint32 *minor, void *set) { (void)set; return complete(minor); }
OM_uint32 gss_delete_sec_context(OM_uint32 *minor, void *context, void *output) {
    (void)context; (void)output; return complete(minor);
}
OM_uint32 gss_indicate_mechs(OM_uint32 *minor, void **set) { if (set) *set = NULL; return failure(minor); }
OM_uint32 gss_import_name(OM_uint32 *minor, void *input, void *type, void **name) {
    (void)input; (void)type; if (name) *name = NULL; return failure(minor);
}
OM_uint32 gss_display_status(OM_uint32 *minor, OM_uint32 status, int type, void *mechanism,
                             OM_uint32 *context, struct buffer *text) {
    (void)status; (void)type; (void)mechanism;
    if (context) *context = 0;
    if (text) { text->length = 0; text->value = NULL; }
    return failure(minor);
}
OM_uint32 gss_init_sec_context(OM_uint32 *minor, void *credential, void **context, void *target,
                               void *mechanism, OM_uint32 flags, OM_uint32 lifetime, void *bindings,
                               void *input, void **actual_mechanism, struct buffer *output,
                               OM_uint32 *actual_flags, OM_uint32 *actual_lifetime) {
    (void)credential; (void)context; (void)target; (void)mechanism; (void)flags; (void)lifetime;
    (void)bindings; (void)input;
    if (actual_mechanism) *actual_mechanism = NULL;
    if (output) { output->length = 0; output->value = NULL; }
    if (actual_flags) *actual_flags = 0;
    if (actual_lifetime) *actual_lifetime = 0;
    return failure(minor);
}
