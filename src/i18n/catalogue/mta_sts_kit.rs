//! Texts of the `mta_sts_kit.*` codes: the one-line purpose of each file of
//! the MTA-STS policy-host kit (src/mta_sts/kit.rs), and its remarks.

use crate::i18n::Message;

pub(super) const MESSAGES: &[Message] = &[
    Message {
        code: "mta_sts_kit.policy_file",
        en: "The policy itself, exactly as generated: save it at this path on the web server, unchanged.",
        zh: "策略文件本身，与生成的内容完全一致：原样保存到 Web 服务器上的此路径。",
    },
    Message {
        code: "mta_sts_kit.nginx",
        en: "nginx server block: serves only the policy, as text/plain over HTTPS with the header that lets a browser read it, and 404 for everything else.",
        zh: "nginx server 块：只提供策略文件，以 text/plain 通过 HTTPS 发送并附带允许浏览器读取的响应头，其余路径一律返回 404。",
    },
    Message {
        code: "mta_sts_kit.caddy",
        en: "Caddy site block: add it to the Caddyfile; Caddy gets the certificate itself, serves only the policy as text/plain, and answers 404 for everything else.",
        zh: "Caddy 站点块：添加到 Caddyfile 中；Caddy 会自行申请证书，只以 text/plain 提供策略文件，其余路径一律返回 404。",
    },
    Message {
        code: "mta_sts_kit.apache",
        en: "Apache VirtualHost: needs mod_ssl, mod_headers and mod_rewrite; serves only the policy as text/plain with the header that lets a browser read it, and 404 for everything else.",
        zh: "Apache VirtualHost：需要 mod_ssl、mod_headers 和 mod_rewrite；只以 text/plain 提供策略文件并附带允许浏览器读取的响应头，其余路径一律返回 404。",
    },
    Message {
        code: "mta_sts_kit.github_cname_file",
        en: "GitHub Pages: the file CNAME at the top of the repository names the custom domain the site answers to.",
        zh: "GitHub Pages：仓库根目录下的 CNAME 文件指定网站使用的自定义域名。",
    },
    Message {
        code: "mta_sts_kit.github_policy",
        en: "GitHub Pages: the policy, exactly as generated, in the folder .well-known of the repository.",
        zh: "GitHub Pages：与生成内容完全一致的策略文件，放在仓库的 .well-known 文件夹中。",
    },
    Message {
        code: "mta_sts_kit.github_config",
        en: "GitHub Pages: _config.yml tells Jekyll to publish the folder .well-known, which it would otherwise leave out because its name starts with a dot.",
        zh: "GitHub Pages：_config.yml 让 Jekyll 发布 .well-known 文件夹；否则它会因名称以点开头而被忽略。",
    },
    Message {
        code: "mta_sts_kit.github_cname_alone",
        en: "With GitHub Pages, {subject} is a CNAME to GitHub: publish it instead of the A/AAAA records of {subject} (a name with a CNAME has no other records), then turn on \"Enforce HTTPS\" in the repository's Pages settings once GitHub has the certificate.",
        zh: "使用 GitHub Pages 时，{subject} 是指向 GitHub 的 CNAME：请用它代替 {subject} 的 A/AAAA 记录（有 CNAME 的名称不能有其他记录），待 GitHub 签发证书后，在仓库的 Pages 设置中开启 “Enforce HTTPS”。",
    },
    Message {
        code: "mta_sts_kit.github_user_missing",
        en: "No GitHub user name was given, so the record for {subject} holds a placeholder: replace <github-user> with the account that owns the repository before publishing it.",
        zh: "未填写 GitHub 用户名，因此 {subject} 的记录中是占位符：发布前请把 <github-user> 替换为仓库所属的账号。",
    },
    Message {
        code: "mta_sts_kit.bad_github_user",
        en: "“{user}” is not a GitHub user name (1 to 39 letters, digits or single hyphens, not first or last), so no record for {subject} can point to it.",
        zh: "“{user}” 不是有效的 GitHub 用户名（1 到 39 个字母、数字或单个连字符，且不能位于首尾），因此 {subject} 的记录无法指向它。",
    },
    Message {
        code: "mta_sts_kit.not_planned",
        en: "The plan has no MTA-STS policy, so there is no policy file to serve. Switch MTA-STS on in the plan (RFC 8461) and ask for these files again.",
        zh: "计划中没有 MTA-STS 策略，因此没有需要提供的策略文件。请在计划中开启 MTA-STS（RFC 8461）后再获取这些文件。",
    },
];
