/*
 * A fake msdrm.dll for tests on Linux: the exports MsDrm.Runtime imports (plus a few "use" functions),
 * with the msdrm.h signatures. It issues real, distinct handle values per kind, tracks every handle it
 * ever issued, and counts what tests need to prove: live handles per kind, double closes, closes with
 * the wrong close function, uses after close, and closes out of order (a parent closed while a child made
 * from it is open; the parent of each created handle is the input named by msdrm-api.tsv's parent_param). Failures can be injected per function, on the Nth call,
 * or at random. Thread-safe: one mutex guards all state.
 *
 * Build: cc -shared -fPIC -O2 -pthread fake_msdrm.c -o libfake_msdrm.so
 * If FAKE_MSDRM_REPORT names a file, the live counts are written there when the library unloads.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

typedef int32_t HRESULT;
typedef uint32_t DRMH;   /* every msdrm handle type is a 32-bit ULONG */
typedef uint16_t WCHAR;  /* UTF-16, as on Windows */
typedef HRESULT (*DRMCALLBACK)(int32_t msg, HRESULT hr, void *pvParam, void *pvContext);

typedef struct { uint16_t w[8]; } SYSTEMTIME;
typedef struct { uint32_t uVersion; const WCHAR *wszIDType; const WCHAR *wszID; } DRMID;
typedef struct {
    uint32_t uVersion;
    DRMH hEnablingPrincipal;
    DRMH hSecureStore;
    const WCHAR *wszRightsRequested;
    const WCHAR *wszRightsGroup;
    DRMID idResource;
    uint32_t cAuthenticatorCount;
    const DRMH *rghAuthenticators;
    const WCHAR *wszDefaultEnablingPrincipalCredentials;
    uint32_t dwFlags;
} DRMBOUNDLICENSEPARAMS;

#define S_OK ((HRESULT)0)
#define E_POINTER ((HRESULT)0x80004003)
#define E_INVALIDARG ((HRESULT)0x80070057)
#define E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007A)
#define E_DRM_INVALID_HANDLE ((HRESULT)0x8004CF2C)
#define E_DRM_NO_MORE_DATA ((HRESULT)0x8004CF33)

/* Handle kinds; the kind is kept in the top 4 bits of every value, a global sequence number below. */
enum { K_SESSION = 1, K_HANDLE = 2, K_PUB = 3, K_ENV = 4, K_QUERY = 5, K_COUNT = 6 };
static const char *const kind_names[K_COUNT] = { "none", "session", "handle", "pub", "environment", "query" };
#define KIND_SHIFT 28
#define SEQ_MASK 0x0FFFFFFFu

/* Handle states, indexed by sequence number. FORGOTTEN: live when a test reset the counters. */
enum { ST_NEVER = 0, ST_LIVE = 1, ST_CLOSED = 2, ST_FORGOTTEN = 3 };

/* Every export that can fail, in one table so failures can be injected by name. */
#define FUNCTIONS(X) \
    X(DRMInitEnvironment) X(DRMLoadLibrary) X(DRMCreateEnablingPrincipal) X(DRMCloseHandle) \
    X(DRMCloseEnvironmentHandle) X(DRMDuplicateHandle) X(DRMDuplicateEnvironmentHandle) \
    X(DRMCreateBoundLicense) X(DRMCreateEnablingBitsDecryptor) X(DRMCreateEnablingBitsEncryptor) \
    X(DRMGetBoundLicenseObject) X(DRMCreateClientSession) X(DRMCreateLicenseStorageSession) \
    X(DRMCloseSession) X(DRMDuplicateSession) X(DRMParseUnboundLicense) X(DRMCloseQueryHandle) \
    X(DRMGetUnboundLicenseObject) X(DRMCreateUser) X(DRMCreateRight) X(DRMCreateIssuanceLicense) \
    X(DRMClosePubHandle) X(DRMDuplicatePubHandle) X(DRMGetUsers) X(DRMGetUserRights) \
    X(DRMGetIssuanceLicenseInfo) X(DRMEncrypt) X(DRMDecrypt) X(DRMIsActivated) X(DRMAddRightWithUser) \
    X(DRMGetUnboundLicenseObjectCount) X(DRMRepair) X(DRMGetClientVersion)
#define AS_ID(name) F_##name,
#define AS_NAME(name) #name,
enum { FUNCTIONS(AS_ID) F_COUNT };
static const char *const function_names[F_COUNT] = { FUNCTIONS(AS_NAME) };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint8_t *states;          /* per sequence number */
static void **callbacks;         /* per sequence number: a session's DRMCALLBACK */
static uint32_t *parents;        /* per sequence number: the parent's sequence number, 0 for none */
static uint32_t *open_children;  /* per sequence number: children made from it that are still open */
static uint32_t capacity;
static uint32_t next_seq = 1;

static int64_t live[K_COUNT];
static int64_t total_created, total_closed, double_closes, wrong_kind_closes, use_after_close,
    invalid_handles, injected_failures, order_violations;
static int64_t calls[F_COUNT];

static HRESULT fail_next_hr[F_COUNT];
static int64_t fail_nth_countdown[F_COUNT];
static HRESULT fail_nth_hr[F_COUNT];
static uint32_t random_per_million;
static uint64_t random_state;
static HRESULT random_hrs[64];
static int random_hr_count;
static int handle_on_failure;    /* a failing create still hands back a live handle (wrapper must close it) */
static char last_detail[1024];   /* what the last creating call received, for marshalling checks */
static char last_order_violation[128];  /* "parent-kind before child-kind" of the last close out of order */

/* ---- handle table (call with the lock held) ---- */

static int kind_of(DRMH h) { return (int)(h >> KIND_SHIFT); }
static uint32_t seq_of(DRMH h) { return h & SEQ_MASK; }

static DRMH issue(int kind)
{
    uint32_t seq = next_seq++;
    if (seq >= capacity) {
        uint32_t grown = capacity ? capacity * 2 : 4096;
        while (grown <= seq) grown *= 2;
        states = realloc(states, grown);
        callbacks = realloc(callbacks, grown * sizeof(void *));
        parents = realloc(parents, grown * sizeof(uint32_t));
        open_children = realloc(open_children, grown * sizeof(uint32_t));
        memset(states + capacity, 0, grown - capacity);
        memset(callbacks + capacity, 0, (grown - capacity) * sizeof(void *));
        memset(parents + capacity, 0, (grown - capacity) * sizeof(uint32_t));
        memset(open_children + capacity, 0, (grown - capacity) * sizeof(uint32_t));
        capacity = grown;
    }
    states[seq] = ST_LIVE;
    callbacks[seq] = NULL;
    parents[seq] = 0;
    open_children[seq] = 0;
    live[kind]++;
    total_created++;
    return ((DRMH)kind << KIND_SHIFT) | seq;
}

static int state_of(DRMH h) { return seq_of(h) < capacity ? states[seq_of(h)] : ST_NEVER; }

/* Records that `child` (just issued) is made from `parent`, which must stay open until the child is closed. */
static void adopt_parent(DRMH child, DRMH parent)
{
    int state = state_of(parent);
    if (!child || !parent || (state != ST_LIVE && state != ST_FORGOTTEN)) return;  /* forgotten = open, just not counted */
    parents[seq_of(child)] = seq_of(parent);
    open_children[seq_of(parent)]++;
}

/* An input handle: must be open and of the given kind; 0 only when optional. */
static HRESULT check_input(DRMH h, int kind, int optional)
{
    if (h == 0) return optional ? S_OK : E_DRM_INVALID_HANDLE;
    int state = state_of(h);
    if (state == ST_CLOSED) { use_after_close++; return E_DRM_INVALID_HANDLE; }
    if (state == ST_NEVER || kind_of(h) != kind) { invalid_handles++; return E_DRM_INVALID_HANDLE; }
    return S_OK;
}

static uint32_t next_random(void)
{
    /* xorshift64*: reproducible from the seed a test gives */
    random_state ^= random_state >> 12;
    random_state ^= random_state << 25;
    random_state ^= random_state >> 27;
    return (uint32_t)((random_state * 2685821657736338717ull) >> 32);
}

/* Counts the call and returns the failure to inject into it, or S_OK. Random faults skip closes. */
static HRESULT injected(int function, int is_close)
{
    calls[function]++;
    HRESULT hr = S_OK;
    if (fail_next_hr[function] != S_OK) {
        hr = fail_next_hr[function];
        fail_next_hr[function] = S_OK;
    } else if (fail_nth_countdown[function] > 0 && --fail_nth_countdown[function] == 0) {
        hr = fail_nth_hr[function];
    } else if (!is_close && random_per_million && random_hr_count &&
               next_random() % 1000000u < random_per_million) {
        hr = random_hrs[next_random() % (uint32_t)random_hr_count];
    }
    if (hr != S_OK) injected_failures++;
    return hr;
}

static void ascii(char *out, size_t size, const WCHAR *text)
{
    size_t n = 0;
    if (!text) { snprintf(out, size, "(null)"); return; }
    while (text[n] && n + 1 < size) { out[n] = text[n] < 128 ? (char)text[n] : '?'; n++; }
    out[n] = 0;
}

static void detail(const char *function, const WCHAR *a, const WCHAR *b, const WCHAR *c)
{
    char sa[256], sb[256], sc[256];
    ascii(sa, sizeof sa, a); ascii(sb, sizeof sb, b); ascii(sc, sizeof sc, c);
    snprintf(last_detail, sizeof last_detail, "%s|%s|%s|%s", function, sa, sb, sc);
}

/*
 * The common shape of a creating function: validated inputs (hr_in), then fault injection, then one new
 * handle of `kind` into *out. A failure leaves *out 0, or a live handle in handle_on_failure mode.
 */
static HRESULT create(int function, HRESULT hr_in, int kind, DRMH *out)
{
    if (!out) return E_POINTER;
    *out = 0;
    calls[function] += hr_in < 0;  /* rejected calls count too; injected() counts the others */
    if (hr_in < 0) return hr_in;
    HRESULT hr = injected(function, 0);
    if (hr < 0 && !handle_on_failure) return hr;
    *out = issue(kind);
    return hr;
}

static HRESULT close_handle(int function, DRMH h, int kind)
{
    pthread_mutex_lock(&lock);
    HRESULT hr = injected(function, 1);
    if (hr < 0) { pthread_mutex_unlock(&lock); return hr; }
    int state = state_of(h);
    if (h == 0 || state == ST_NEVER) {
        invalid_handles++;
        hr = E_DRM_INVALID_HANDLE;
    } else if (state == ST_CLOSED) {
        double_closes++;
        hr = E_DRM_INVALID_HANDLE;
    } else if (kind_of(h) != kind) {
        wrong_kind_closes++;          /* stays open: it must still reach its own close function */
        hr = E_DRM_INVALID_HANDLE;
    } else {
        uint32_t seq = seq_of(h);
        if (state == ST_LIVE) live[kind]--;
        if (open_children[seq] > 0) {
            /* closed before a child made from it: real msdrm fails the child's close (E_DRM_ENV_NOT_LOADED) or
             * force-closes it; the fake only counts it and lets the child close normally later */
            order_violations++;
            snprintf(last_order_violation, sizeof last_order_violation, "%s before %u open child(ren)",
                     kind_names[kind], open_children[seq]);
        }
        if (parents[seq] && open_children[parents[seq]] > 0) open_children[parents[seq]]--;
        parents[seq] = 0;
        open_children[seq] = 0;
        states[seq] = ST_CLOSED;
        callbacks[seq] = NULL;
        total_closed++;
    }
    pthread_mutex_unlock(&lock);
    return hr;
}

#define LOCKED(expr) do { pthread_mutex_lock(&lock); HRESULT r_ = (expr); pthread_mutex_unlock(&lock); return r_; } while (0)

static HRESULT first_failure(HRESULT a, HRESULT b) { return a < 0 ? a : b; }

/* ---- close and duplicate ---- */

EXPORT HRESULT DRMCloseSession(DRMH h) { return close_handle(F_DRMCloseSession, h, K_SESSION); }
EXPORT HRESULT DRMCloseHandle(DRMH h) { return close_handle(F_DRMCloseHandle, h, K_HANDLE); }
EXPORT HRESULT DRMClosePubHandle(DRMH h) { return close_handle(F_DRMClosePubHandle, h, K_PUB); }
EXPORT HRESULT DRMCloseEnvironmentHandle(DRMH h) { return close_handle(F_DRMCloseEnvironmentHandle, h, K_ENV); }
EXPORT HRESULT DRMCloseQueryHandle(DRMH h) { return close_handle(F_DRMCloseQueryHandle, h, K_QUERY); }

EXPORT HRESULT DRMDuplicateSession(DRMH in, DRMH *out)
{
    pthread_mutex_lock(&lock);
    HRESULT hr = create(F_DRMDuplicateSession, check_input(in, K_SESSION, 0), K_SESSION, out);
    if (out && *out) callbacks[seq_of(*out)] = callbacks[seq_of(in)];  /* the copy reports to the same callback */
    pthread_mutex_unlock(&lock);
    return hr;
}
EXPORT HRESULT DRMDuplicateHandle(DRMH in, DRMH *out)
{ LOCKED(create(F_DRMDuplicateHandle, check_input(in, K_HANDLE, 0), K_HANDLE, out)); }
EXPORT HRESULT DRMDuplicatePubHandle(DRMH in, DRMH *out)
{ LOCKED(create(F_DRMDuplicatePubHandle, check_input(in, K_PUB, 0), K_PUB, out)); }
EXPORT HRESULT DRMDuplicateEnvironmentHandle(DRMH in, DRMH *out)
{ LOCKED(create(F_DRMDuplicateEnvironmentHandle, check_input(in, K_ENV, 0), K_ENV, out)); }

/* ---- environment, libraries, principals ---- */

EXPORT HRESULT DRMInitEnvironment(uint32_t providerType, uint32_t spec, const WCHAR *provider,
                                  const WCHAR *manifest, const WCHAR *machine, DRMH *phEnv, DRMH *phDefaultLibrary)
{
    (void)providerType; (void)spec;
    if (!phEnv || !phDefaultLibrary) return E_POINTER;
    pthread_mutex_lock(&lock);
    detail("DRMInitEnvironment", provider, manifest, machine);
    HRESULT hr = create(F_DRMInitEnvironment, machine ? S_OK : E_INVALIDARG, K_ENV, phEnv);
    *phDefaultLibrary = 0;
    if (*phEnv) *phDefaultLibrary = issue(K_HANDLE);  /* both, or (failure) none unless handle_on_failure */
    adopt_parent(*phDefaultLibrary, *phEnv);          /* parent_param 5: the environment of the same call */
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMLoadLibrary(DRMH hEnv, uint32_t spec, const WCHAR *provider, const WCHAR *credentials, DRMH *phLibrary)
{
    (void)spec; (void)credentials;
    pthread_mutex_lock(&lock);
    detail("DRMLoadLibrary", provider, NULL, NULL);
    HRESULT hr = create(F_DRMLoadLibrary, check_input(hEnv, K_ENV, 0), K_HANDLE, phLibrary);
    if (phLibrary) adopt_parent(*phLibrary, hEnv);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMCreateEnablingPrincipal(DRMH hEnv, DRMH hLibrary, const WCHAR *object, const DRMID *principal,
                                          const WCHAR *credentials, DRMH *phEnablingPrincipal)
{
    pthread_mutex_lock(&lock);
    detail("DRMCreateEnablingPrincipal", object, principal ? principal->wszIDType : NULL, principal ? principal->wszID : NULL);
    (void)credentials;
    HRESULT in = first_failure(check_input(hEnv, K_ENV, 0), check_input(hLibrary, K_HANDLE, 0));
    if (in >= 0 && !principal) in = E_INVALIDARG;
    HRESULT hr = create(F_DRMCreateEnablingPrincipal, in, K_HANDLE, phEnablingPrincipal);
    if (phEnablingPrincipal) adopt_parent(*phEnablingPrincipal, hEnv);
    pthread_mutex_unlock(&lock);
    return hr;
}

/* ---- bound licenses ---- */

EXPORT HRESULT DRMCreateBoundLicense(DRMH hEnv, const DRMBOUNDLICENSEPARAMS *params, const WCHAR *chain,
                                     DRMH *phBoundLicense, DRMH *phErrorLog)
{
    (void)chain;
    if (phErrorLog) *phErrorLog = 0;  /* reserved: never a handle */
    pthread_mutex_lock(&lock);
    HRESULT in = check_input(hEnv, K_ENV, 0);
    if (in >= 0 && (!params || params->uVersion != 1)) in = E_INVALIDARG;
    if (in >= 0) {
        in = first_failure(check_input(params->hEnablingPrincipal, K_HANDLE, 1), check_input(params->hSecureStore, K_HANDLE, 1));
        for (uint32_t i = 0; in >= 0 && i < params->cAuthenticatorCount; i++)
            in = check_input(params->rghAuthenticators[i], K_HANDLE, 0);
        detail("DRMCreateBoundLicense", params->wszRightsRequested, params->idResource.wszIDType, params->idResource.wszID);
    }
    HRESULT hr = create(F_DRMCreateBoundLicense, in, K_HANDLE, phBoundLicense);
    if (phBoundLicense) adopt_parent(*phBoundLicense, hEnv);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMCreateEnablingBitsDecryptor(DRMH hBoundLicense, const WCHAR *right, DRMH hAuxLib, const WCHAR *auxPlug, DRMH *out)
{
    pthread_mutex_lock(&lock);
    detail("DRMCreateEnablingBitsDecryptor", right, auxPlug, NULL);
    HRESULT in = check_input(hBoundLicense, K_HANDLE, 0);
    if (in >= 0 && hAuxLib != 0) in = E_INVALIDARG;  /* reserved: must be 0 */
    HRESULT hr = create(F_DRMCreateEnablingBitsDecryptor, in, K_HANDLE, out);
    if (out) adopt_parent(*out, hBoundLicense);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMCreateEnablingBitsEncryptor(DRMH hBoundLicense, const WCHAR *right, DRMH hAuxLib, const WCHAR *auxPlug, DRMH *out)
{
    pthread_mutex_lock(&lock);
    detail("DRMCreateEnablingBitsEncryptor", right, auxPlug, NULL);
    HRESULT in = check_input(hBoundLicense, K_HANDLE, 0);
    if (in >= 0 && hAuxLib != 0) in = E_INVALIDARG;
    HRESULT hr = create(F_DRMCreateEnablingBitsEncryptor, in, K_HANDLE, out);
    if (out) adopt_parent(*out, hBoundLicense);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMGetBoundLicenseObject(DRMH hQueryRoot, const WCHAR *type, uint32_t index, DRMH *out)
{
    (void)index;
    pthread_mutex_lock(&lock);
    detail("DRMGetBoundLicenseObject", type, NULL, NULL);
    HRESULT hr = create(F_DRMGetBoundLicenseObject, check_input(hQueryRoot, K_HANDLE, 0), K_HANDLE, out);
    if (out) adopt_parent(*out, hQueryRoot);
    pthread_mutex_unlock(&lock);
    return hr;
}

/* ---- sessions ---- */

EXPORT HRESULT DRMCreateClientSession(DRMCALLBACK callback, uint32_t version, const WCHAR *providerType,
                                      const WCHAR *groupId, DRMH *phClient)
{
    pthread_mutex_lock(&lock);
    detail("DRMCreateClientSession", providerType, groupId, NULL);
    HRESULT in = (callback && version == 0) ? S_OK : E_INVALIDARG;
    HRESULT hr = create(F_DRMCreateClientSession, in, K_SESSION, phClient);
    if (phClient && *phClient) callbacks[seq_of(*phClient)] = (void *)callback;
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMCreateLicenseStorageSession(DRMH hEnv, DRMH hDefaultLibrary, DRMH hClient, uint32_t flags,
                                              const WCHAR *issuanceLicense, DRMH *out)
{
    (void)flags;
    pthread_mutex_lock(&lock);
    detail("DRMCreateLicenseStorageSession", issuanceLicense, NULL, NULL);
    HRESULT in = first_failure(check_input(hEnv, K_ENV, 0),
                               first_failure(check_input(hDefaultLibrary, K_HANDLE, 0), check_input(hClient, K_SESSION, 0)));
    HRESULT hr = create(F_DRMCreateLicenseStorageSession, in, K_SESSION, out);
    if (out) adopt_parent(*out, hClient);
    if (out && *out) callbacks[seq_of(*out)] = callbacks[seq_of(hClient)];
    pthread_mutex_unlock(&lock);
    return hr;
}

/* ---- unbound-license queries ---- */

EXPORT HRESULT DRMParseUnboundLicense(const WCHAR *certificate, DRMH *out)
{
    pthread_mutex_lock(&lock);
    detail("DRMParseUnboundLicense", certificate, NULL, NULL);
    HRESULT hr = create(F_DRMParseUnboundLicense, certificate ? S_OK : E_INVALIDARG, K_QUERY, out);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMGetUnboundLicenseObject(DRMH hQueryRoot, const WCHAR *type, uint32_t index, DRMH *out)
{
    (void)index;
    pthread_mutex_lock(&lock);
    detail("DRMGetUnboundLicenseObject", type, NULL, NULL);
    HRESULT hr = create(F_DRMGetUnboundLicenseObject, check_input(hQueryRoot, K_QUERY, 0), K_QUERY, out);
    if (out) adopt_parent(*out, hQueryRoot);
    pthread_mutex_unlock(&lock);
    return hr;
}

/* ---- publishing ---- */

EXPORT HRESULT DRMCreateUser(const WCHAR *name, const WCHAR *id, const WCHAR *idType, DRMH *out)
{
    pthread_mutex_lock(&lock);
    detail("DRMCreateUser", name, id, idType);
    HRESULT hr = create(F_DRMCreateUser, S_OK, K_PUB, out);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMCreateRight(const WCHAR *name, const SYSTEMTIME *from, const SYSTEMTIME *until, uint32_t count,
                              const WCHAR **names, const WCHAR **values, DRMH *out)
{
    pthread_mutex_lock(&lock);
    HRESULT in = name ? S_OK : E_INVALIDARG;
    if (count && (!names || !values)) in = E_INVALIDARG;
    if (in >= 0) {
        char right[128], n0[128], v0[128], times[64];
        ascii(right, sizeof right, name);
        ascii(n0, sizeof n0, count ? names[count - 1] : NULL);
        ascii(v0, sizeof v0, count ? values[count - 1] : NULL);
        snprintf(times, sizeof times, "%d-%d-%d/%d", from ? from->w[0] : 0, from ? from->w[1] : 0, from ? from->w[3] : 0,
                 until ? until->w[0] : 0);
        snprintf(last_detail, sizeof last_detail, "DRMCreateRight|%s|%s|%u|%s=%s", right, times, count, n0, v0);
    }
    HRESULT hr = create(F_DRMCreateRight, in, K_PUB, out);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMCreateIssuanceLicense(const SYSTEMTIME *from, const SYSTEMTIME *until, const WCHAR *referralName,
                                        const WCHAR *referralUrl, DRMH hOwner, const WCHAR *issuanceLicense,
                                        DRMH hBoundLicense, DRMH *out)
{
    (void)from; (void)until;
    pthread_mutex_lock(&lock);
    detail("DRMCreateIssuanceLicense", referralName, referralUrl, issuanceLicense);
    HRESULT in = first_failure(check_input(hOwner, K_PUB, 1), check_input(hBoundLicense, K_HANDLE, 1));
    HRESULT hr = create(F_DRMCreateIssuanceLicense, in, K_PUB, out);
    pthread_mutex_unlock(&lock);
    return hr;
}

/* Every fake issuance license has two users, each with two rights. */
#define FAKE_ITEMS 2u

EXPORT HRESULT DRMGetUsers(DRMH hIssuanceLicense, uint32_t index, DRMH *out)
{
    pthread_mutex_lock(&lock);
    HRESULT in = check_input(hIssuanceLicense, K_PUB, 0);
    if (in >= 0 && index >= FAKE_ITEMS) in = E_DRM_NO_MORE_DATA;
    HRESULT hr = create(F_DRMGetUsers, in, K_PUB, out);
    pthread_mutex_unlock(&lock);
    return hr;
}

EXPORT HRESULT DRMGetUserRights(DRMH hIssuanceLicense, DRMH hUser, uint32_t index, DRMH *out)
{
    pthread_mutex_lock(&lock);
    HRESULT in = first_failure(check_input(hIssuanceLicense, K_PUB, 0), check_input(hUser, K_PUB, 0));
    if (in >= 0 && index >= FAKE_ITEMS) in = E_DRM_NO_MORE_DATA;
    HRESULT hr = create(F_DRMGetUserRights, in, K_PUB, out);
    pthread_mutex_unlock(&lock);
    return hr;
}

static HRESULT copy_out(const char *text, uint32_t *length, WCHAR *buffer)
{
    uint32_t needed = (uint32_t)strlen(text) + 1;
    if (!length) return E_POINTER;
    if (!buffer) { *length = needed; return S_OK; }
    if (*length < needed) { *length = needed; return E_INSUFFICIENT_BUFFER; }
    for (uint32_t i = 0; i < needed; i++) buffer[i] = (WCHAR)(unsigned char)text[i];
    *length = needed;
    return S_OK;
}

EXPORT HRESULT DRMGetIssuanceLicenseInfo(DRMH hIssuanceLicense, SYSTEMTIME *from, SYSTEMTIME *until, uint32_t flags,
                                         uint32_t *nameLength, WCHAR *name, uint32_t *urlLength, WCHAR *url,
                                         DRMH *phOwner, int32_t *pfOfficial)
{
    (void)from; (void)until; (void)flags;
    pthread_mutex_lock(&lock);
    HRESULT in = check_input(hIssuanceLicense, K_PUB, 0);
    if (in >= 0) in = first_failure(copy_out("Fake Distribution Point", nameLength, name),
                                    copy_out("https://rms.example/_wmcs", urlLength, url));
    HRESULT hr;
    if (phOwner) {
        hr = create(F_DRMGetIssuanceLicenseInfo, in, K_PUB, phOwner);  /* optional out: only when asked */
    } else {
        calls[F_DRMGetIssuanceLicenseInfo] += in < 0;
        hr = in < 0 ? in : injected(F_DRMGetIssuanceLicenseInfo, 0);
    }
    if (pfOfficial) *pfOfficial = 1;
    pthread_mutex_unlock(&lock);
    return hr;
}

/* ---- a few functions that only use handles (for end-to-end programs) ---- */

static HRESULT use(int function, HRESULT in)
{
    pthread_mutex_lock(&lock);
    HRESULT hr = in;
    if (hr >= 0) hr = injected(function, 0);
    else calls[function]++;
    pthread_mutex_unlock(&lock);
    return hr;
}

static HRESULT crypt(int function, DRMH h, uint32_t in_count, const uint8_t *in, uint32_t *out_count, uint8_t *out)
{
    pthread_mutex_lock(&lock);
    HRESULT hr = check_input(h, K_HANDLE, 0);
    pthread_mutex_unlock(&lock);
    hr = use(function, hr);
    if (hr < 0) return hr;
    if (!out_count) return E_POINTER;
    if (out && in && *out_count >= in_count)
        for (uint32_t i = 0; i < in_count; i++) out[i] = in[i] ^ 0x5A;  /* reversible "cipher" */
    *out_count = in_count;
    return S_OK;
}

EXPORT HRESULT DRMEncrypt(DRMH h, uint32_t position, uint32_t count, const uint8_t *in, uint32_t *out_count, uint8_t *out)
{ (void)position; return crypt(F_DRMEncrypt, h, count, in, out_count, out); }
EXPORT HRESULT DRMDecrypt(DRMH h, uint32_t position, uint32_t count, const uint8_t *in, uint32_t *out_count, uint8_t *out)
{ (void)position; return crypt(F_DRMDecrypt, h, count, in, out_count, out); }

EXPORT HRESULT DRMIsActivated(DRMH hClient, uint32_t flags, void *actServInfo)
{
    (void)flags; (void)actServInfo;
    pthread_mutex_lock(&lock);
    HRESULT in = check_input(hClient, K_SESSION, 0);
    pthread_mutex_unlock(&lock);
    return use(F_DRMIsActivated, in);
}

EXPORT HRESULT DRMAddRightWithUser(DRMH hIssuanceLicense, DRMH hRight, DRMH hUser)
{
    pthread_mutex_lock(&lock);
    HRESULT in = first_failure(check_input(hIssuanceLicense, K_PUB, 0),
                               first_failure(check_input(hRight, K_PUB, 0), check_input(hUser, K_PUB, 0)));
    pthread_mutex_unlock(&lock);
    return use(F_DRMAddRightWithUser, in);
}

EXPORT HRESULT DRMGetUnboundLicenseObjectCount(DRMH hQueryRoot, const WCHAR *type, uint32_t *count)
{
    (void)type;
    pthread_mutex_lock(&lock);
    HRESULT in = check_input(hQueryRoot, K_QUERY, 0);
    pthread_mutex_unlock(&lock);
    HRESULT hr = use(F_DRMGetUnboundLicenseObjectCount, in);
    if (hr >= 0 && count) *count = FAKE_ITEMS;
    return hr;
}

EXPORT HRESULT DRMRepair(void) { return use(F_DRMRepair, S_OK); }
EXPORT HRESULT DRMGetClientVersion(void *info) { return use(F_DRMGetClientVersion, info ? S_OK : E_POINTER); }

/* ---- control exports for tests ---- */

static int function_id(const char *name)
{
    for (int i = 0; name && i < F_COUNT; i++)
        if (strcmp(function_names[i], name) == 0) return i;
    return -1;
}

/* Forgets all counters and pending faults. Handles still open become "forgotten": closing them later is
 * legal but not counted, so a finalizer from an earlier test cannot disturb the next one. */
EXPORT void fake_msdrm_reset(void)
{
    pthread_mutex_lock(&lock);
    for (uint32_t s = 1; s < next_seq; s++) {
        if (states[s] == ST_LIVE) states[s] = ST_FORGOTTEN;
        parents[s] = 0;         /* forgotten handles carry no order relation into the next test */
        open_children[s] = 0;
    }
    memset(live, 0, sizeof live);
    memset(calls, 0, sizeof calls);
    memset(fail_next_hr, 0, sizeof fail_next_hr);
    memset(fail_nth_countdown, 0, sizeof fail_nth_countdown);
    total_created = total_closed = double_closes = wrong_kind_closes = use_after_close = invalid_handles = injected_failures =
        order_violations = 0;
    last_order_violation[0] = 0;
    random_per_million = 0;
    random_hr_count = 0;
    handle_on_failure = 0;
    last_detail[0] = 0;
    pthread_mutex_unlock(&lock);
}

#define COUNTER(export_name, expr) \
    EXPORT int64_t export_name(void) { pthread_mutex_lock(&lock); int64_t v_ = (expr); pthread_mutex_unlock(&lock); return v_; }
COUNTER(fake_msdrm_total_created, total_created)
COUNTER(fake_msdrm_total_closed, total_closed)
COUNTER(fake_msdrm_double_close_count, double_closes)
COUNTER(fake_msdrm_wrong_kind_close_count, wrong_kind_closes)
COUNTER(fake_msdrm_use_after_close_count, use_after_close)
COUNTER(fake_msdrm_invalid_handle_count, invalid_handles)
COUNTER(fake_msdrm_injected_failure_count, injected_failures)
COUNTER(fake_msdrm_order_violation_count, order_violations)

/* Copies "<parent kind> before <n> open child(ren)" of the last close out of order into buffer. */
EXPORT int32_t fake_msdrm_last_order_violation(char *buffer, int32_t size)
{
    if (!buffer || size <= 0) return 0;
    pthread_mutex_lock(&lock);
    snprintf(buffer, (size_t)size, "%s", last_order_violation);
    pthread_mutex_unlock(&lock);
    return (int32_t)strlen(buffer);
}

/* Live handles of one kind (1..5), or of every kind for 0. */
EXPORT int64_t fake_msdrm_live_count(int32_t kind)
{
    pthread_mutex_lock(&lock);
    int64_t v = 0;
    for (int k = 1; k < K_COUNT; k++)
        if (kind == 0 || kind == k) v += live[k];
    pthread_mutex_unlock(&lock);
    return v;
}

/* Calls made to a function since the last reset; -1 for an unknown name. */
EXPORT int64_t fake_msdrm_call_count(const char *function)
{
    int id = function_id(function);
    if (id < 0) return -1;
    pthread_mutex_lock(&lock);
    int64_t v = calls[id];
    pthread_mutex_unlock(&lock);
    return v;
}

/* 1 when the value is an open handle, 2 when closed, 0 when never issued (forgotten handles count as open). */
EXPORT int32_t fake_msdrm_handle_state(DRMH h)
{
    pthread_mutex_lock(&lock);
    int state = h ? state_of(h) : ST_NEVER;
    pthread_mutex_unlock(&lock);
    return state == ST_FORGOTTEN ? ST_LIVE : state;
}

/* The next call of `function` fails with hr. Returns 0 for an unknown name. */
EXPORT int32_t fake_msdrm_fail_next(const char *function, HRESULT hr)
{
    int id = function_id(function);
    if (id < 0) return 0;
    pthread_mutex_lock(&lock);
    fail_next_hr[id] = hr;
    pthread_mutex_unlock(&lock);
    return 1;
}

/* The nth call (1-based, from now) of `function` fails with hr. Returns 0 for an unknown name. */
EXPORT int32_t fake_msdrm_fail_nth(const char *function, int64_t n, HRESULT hr)
{
    int id = function_id(function);
    if (id < 0 || n < 1) return 0;
    pthread_mutex_lock(&lock);
    fail_nth_countdown[id] = n;
    fail_nth_hr[id] = hr;
    pthread_mutex_unlock(&lock);
    return 1;
}

/* Every non-close call fails with probability per_million/1e6, with an HRESULT drawn from hrs. 0 stops it. */
EXPORT void fake_msdrm_fail_random(uint64_t seed, uint32_t per_million, const HRESULT *hrs, int32_t count)
{
    pthread_mutex_lock(&lock);
    /* splitmix64 of the seed: nearby seeds (1, 2, ...) give unrelated sequences */
    uint64_t z = seed + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    random_state = (z ^ (z >> 31)) | 1;  /* xorshift needs a non-zero state */
    random_per_million = per_million;
    random_hr_count = 0;
    for (int i = 0; hrs && i < count && i < 64; i++) random_hrs[random_hr_count++] = hrs[i];
    pthread_mutex_unlock(&lock);
}

/* When on, a creating call that fails by injection still hands back a live handle. */
EXPORT void fake_msdrm_set_handle_on_failure(int32_t enabled)
{
    pthread_mutex_lock(&lock);
    handle_on_failure = enabled != 0;
    pthread_mutex_unlock(&lock);
}

/* Copies "function|arg|arg|arg" of the last creating call that records one (ASCII) into buffer. */
EXPORT int32_t fake_msdrm_last_detail(char *buffer, int32_t size)
{
    if (!buffer || size <= 0) return 0;
    pthread_mutex_lock(&lock);
    snprintf(buffer, (size_t)size, "%s", last_detail);
    pthread_mutex_unlock(&lock);
    return (int32_t)strlen(buffer);
}

/* Calls the callback registered for a session (as msdrm.dll does for asynchronous results). */
EXPORT HRESULT fake_msdrm_invoke_callback(DRMH session, int32_t msg, HRESULT hr, void *context)
{
    pthread_mutex_lock(&lock);
    DRMCALLBACK callback = NULL;
    if (check_input(session, K_SESSION, 0) >= 0) callback = (DRMCALLBACK)callbacks[seq_of(session)];
    pthread_mutex_unlock(&lock);
    return callback ? callback(msg, hr, NULL, context) : E_DRM_INVALID_HANDLE;
}

/* At unload (process exit), report what is still open so a parent process can check a child leaked nothing. */
__attribute__((destructor)) static void write_report(void)
{
    const char *path = getenv("FAKE_MSDRM_REPORT");
    if (!path || !*path) return;
    FILE *file = fopen(path, "w");
    if (!file) return;
    pthread_mutex_lock(&lock);
    int64_t total = 0;
    for (int k = 1; k < K_COUNT; k++) { fprintf(file, "%s=%lld\n", kind_names[k], (long long)live[k]); total += live[k]; }
    fprintf(file, "live=%lld\ncreated=%lld\nclosed=%lld\ndouble_close=%lld\nwrong_kind_close=%lld\nuse_after_close=%lld\n"
                  "order_violation=%lld\n",
            (long long)total, (long long)total_created, (long long)total_closed, (long long)double_closes,
            (long long)wrong_kind_closes, (long long)use_after_close, (long long)order_violations);
    pthread_mutex_unlock(&lock);
    fclose(file);
}
