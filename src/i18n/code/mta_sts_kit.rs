//! The `mta_sts_kit.*` codes, declared once; code elsewhere names them as
//! `code::mta_sts_kit::NAME` ([`crate::i18n::code`]): the files and records
//! of the MTA-STS policy-host kit (src/mta_sts/kit.rs), each with a one-line
//! purpose, and its remarks and errors.

crate::i18n::code::declare_codes! {
    /// The policy file under the web root.
    POLICY_FILE = "mta_sts_kit.policy_file",
    NGINX = "mta_sts_kit.nginx",
    CADDY = "mta_sts_kit.caddy",
    APACHE = "mta_sts_kit.apache",
    /// GitHub Pages: the repository's `CNAME` file.
    GITHUB_CNAME_FILE = "mta_sts_kit.github_cname_file",
    /// GitHub Pages: `.well-known/mta-sts.txt` in the repository.
    GITHUB_POLICY = "mta_sts_kit.github_policy",
    /// GitHub Pages: `_config.yml` so Jekyll publishes `.well-known`.
    GITHUB_CONFIG = "mta_sts_kit.github_config",
    /// The `mta-sts` CNAME replaces the host's A/AAAA records.
    GITHUB_CNAME_ALONE = "mta_sts_kit.github_cname_alone",
    /// No GitHub user name given: the record holds a placeholder.
    GITHUB_USER_MISSING = "mta_sts_kit.github_user_missing",
    /// Not a GitHub user name.
    BAD_GITHUB_USER = "mta_sts_kit.bad_github_user",
    /// The kit asked for a plan without MTA-STS.
    NOT_PLANNED = "mta_sts_kit.not_planned",
}
