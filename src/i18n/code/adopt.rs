//! The `adopt.*` codes, declared once; code elsewhere names them as
//! `code::adopt::NAME` ([`crate::i18n::code`]). They say what "use as my
//! plan" ([`crate::adopt`]) could not take from the published records, and why.

crate::i18n::code::declare_codes! {
    /// A question failed: the part is left at the plan's default, unknown.
    UNKNOWN = "adopt.unknown",
    /// A resolver's TTLs are what is left in its cache: none is taken.
    TTL_LIVE = "adopt.ttl_live",
    /// The zone's records have several TTLs: the most common is the default.
    TTL_VARIED = "adopt.ttl_varied",
    /// The audit did not ask this question (client SRV records).
    NOT_ASKED = "adopt.not_asked",
    /// A record that does not parse: not taken.
    UNREADABLE = "adopt.unreadable",
    /// No MX record: the plan needs a mail host.
    MX_ABSENT = "adopt.mx_absent",
    /// An MX host outside the domain: a backup MX with no addresses.
    MX_FOREIGN = "adopt.mx_foreign",
    /// An MX host that is an alias: the plan names the canonical host.
    MX_ALIAS = "adopt.mx_alias",
    /// An MX "host" that is an address: not taken.
    MX_IP_LITERAL = "adopt.mx_ip_literal",
    /// No MX host under the domain: the plan has no mail host.
    NO_OWN_HOST = "adopt.no_own_host",
    /// An own MX host with no address.
    HOST_NO_ADDRESS = "adopt.host_no_address",
    /// A null-MX domain: the plan publishes the fixed lockdown set instead.
    NULL_MX_LOCKDOWN = "adopt.null_mx_lockdown",
    /// No SPF record: the plan will publish one.
    SPF_ABSENT = "adopt.spf_absent",
    /// More than one SPF record: the first is taken.
    SPF_MULTIPLE = "adopt.spf_multiple",
    /// An SPF term the plan cannot express: not taken, quoted verbatim.
    SPF_TERM = "adopt.spf_term",
    /// An SPF record without `all`: the plan ends with `-all`.
    SPF_ALL_ADDED = "adopt.spf_all_added",
    /// No DKIM key under any selector asked.
    DKIM_NONE = "adopt.dkim_none",
    /// A DKIM key beyond the one RSA and one Ed25519 key the plan holds.
    DKIM_EXTRA_SELECTOR = "adopt.dkim_extra_selector",
    /// A revoked DKIM key (empty `p=`): not taken.
    DKIM_REVOKED = "adopt.dkim_revoked",
    /// A DKIM key of a type the plan does not hold.
    DKIM_KEY_TYPE = "adopt.dkim_key_type",
    /// A DKIM tag the plan does not write (`t=`, `h=`, `s=`, `n=`, unknown).
    DKIM_TAG = "adopt.dkim_tag",
    /// An Ed25519 key without an RSA key beside it.
    DKIM_ED25519_ALONE = "adopt.dkim_ed25519_alone",
    /// No DMARC record: the plan will publish one.
    DMARC_ABSENT = "adopt.dmarc_absent",
    /// A DMARC record with errors: what could not be read is the default.
    DMARC_INVALID = "adopt.dmarc_invalid",
    /// `pct`, `ri`, `rf`: removed by RFC 9989.
    DMARC_REMOVED_TAG = "adopt.dmarc_removed_tag",
    /// A DMARC tag the plan does not write (`t`, `psd`, `fo`, a size limit, unknown).
    DMARC_TAG = "adopt.dmarc_tag",
    /// The MTA-STS id is derived from the policy by the plan.
    MTA_STS_ID = "adopt.mta_sts_id",
    /// No policy text: mode, mx and max_age are the plan's defaults.
    MTA_STS_NO_POLICY = "adopt.mta_sts_no_policy",
    /// A CAA record the plan does not hold.
    CAA_NOT_ADOPTED = "adopt.caa_not_adopted",
    /// A TLSA record: the plan needs the certificate, which DNS does not give.
    TLSA_NOT_ADOPTED = "adopt.tlsa_not_adopted",
    /// A client SRV record the plan does not hold.
    SRV_NOT_ADOPTED = "adopt.srv_not_adopted",
}
