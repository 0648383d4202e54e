//! A message test's report: a summary line, the notes about the message,
//! each DKIM signature, SPF for the chosen hop (with its `check_host()`
//! trace), DMARC, and the receiver's own `Authentication-Results` with
//! where the page disagrees and why.

use crate::finding::Finding;
use crate::i18n::code::message_view as code;
use crate::i18n::{self, Lang};
use crate::message::dkim::{DkimResult, DkimVerdict, FailedStep};
use crate::message::spf::SpfIdentity;
use crate::message::view::{HopChoice, MessageOutcome};
use crate::ui::check::finding_item::{finding_item, FindingItemProps};
use crate::ui::check::spf_traces::{address_trace, AddressTraceProps};
use yew::prelude::*;

fn findings(lang: Lang, area: &'static str, list: &[Finding]) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <ul class="findings">
            { for list.iter().map(|f| finding_item(lang, &yew::props!(FindingItemProps { area, finding: f.clone() }))) }
        </ul>
    }
}

/// The DKIM word of the whole message: `pass` when one signature passes,
/// else the first signature's word, `none` without signatures.
fn dkim_word(o: &MessageOutcome) -> &'static str {
    if o.dkim.iter().any(|d| d.verdict == DkimVerdict::Pass) {
        "pass"
    } else {
        o.dkim.first().map_or("none", |d| d.verdict.as_str())
    }
}

fn step_word(v: &DkimVerdict) -> &'static str {
    match v {
        DkimVerdict::Fail { step } => match step {
            FailedStep::BodyHash => "body_hash",
            FailedStep::Signature => "signature",
            FailedStep::Key => "key",
            FailedStep::Sha1 => "sha1",
        },
        _ => "",
    }
}

fn signature(lang: Lang, n: usize, d: &DkimResult) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    let unknown = || "?".to_string();
    let alg = d.algorithm.map_or_else(unknown, |a| a.as_str().to_string());
    let algorithm = ("algorithm", alg);
    let head = i18n::fill(
        &t(code::SIGNATURE),
        &[
            ("n", n.to_string()),
            ("line", d.line.to_string()),
            ("domain", d.domain.clone().unwrap_or_else(unknown)),
            ("selector", d.selector.clone().unwrap_or_else(unknown)),
            algorithm,
        ],
    );
    let key = d.key.as_ref().map(|k| match k.rsa_bits {
        Some(bits) => i18n::fill(&t(code::KEY_BITS), &[("bits", bits.to_string())]),
        None => i18n::fill(&t(code::KEY), &[("type", k.key_type.clone())]),
    });
    let body_length = match (d.body_length, d.unsigned_body_bytes) {
        (Some(l), Some(u)) => Some(i18n::fill(
            &t(code::BODY_LENGTH),
            &[("length", l.to_string()), ("unsigned", u.to_string())],
        )),
        _ => None,
    };
    let word = d.verdict.as_str();
    html! {
        <li class={classes!("dkim-signature", format!("verdict-{word}"))} data-verdict={word}
            data-step={step_word(&d.verdict)} data-d={d.domain.clone()} data-s={d.selector.clone()}>
            <p><span class={classes!("verdict", word)}>{ word }</span>{ " " }{ head }</p>
            if let Some(k) = key { <p class="muted">{ k }</p> }
            if let Some(b) = body_length { <p class="muted">{ b }</p> }
            { findings(lang, "dkim", &d.findings) }
        </li>
    }
}

fn hop_select(lang: Lang, o: &MessageOutcome, chosen: HopChoice, on_hop: Callback<HopChoice>) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    let value = match chosen {
        HopChoice::Skip => "skip".to_string(),
        _ => o.checked_hop.map_or("skip".to_string(), |i| i.to_string()),
    };
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        on_hop.emit(v.parse().map_or(HopChoice::Skip, HopChoice::Index));
    });
    let options = o.hops.iter().filter(|h| h.ip.is_some()).map(|h| {
        let mut label = i18n::fill(
            &t(code::HOP_OPTION),
            &[
                ("n", (h.index + 1).to_string()),
                ("helo", h.helo.clone().unwrap_or_else(|| "?".into())),
                ("ip", h.ip.map(|ip| ip.to_string()).unwrap_or_default()),
                ("by", h.by.clone().unwrap_or_else(|| "?".into())),
            ],
        );
        if o.proposed_hop == Some(h.index) {
            label.push(' ');
            label.push_str(&t(code::HOP_PROPOSED));
        }
        let v = h.index.to_string();
        html! { <option value={v.clone()} selected={v == value}>{ label }</option> }
    });
    html! {
        <div class="field">
            <label for="message-hop">{ t(code::HOP) }</label>
            <select id="message-hop" {onchange}>
                { for options }
                <option value="skip" selected={value == "skip"}>{ t(code::HOP_SKIP) }</option>
            </select>
        </div>
    }
}

fn spf(lang: Lang, o: &MessageOutcome, chosen: HopChoice, on_hop: Callback<HopChoice>) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    let body = match &o.spf {
        Some(s) => {
            let q = &s.question;
            let template = match s.identity {
                SpfIdentity::Helo => code::SPF_HELO,
                SpfIdentity::MailFrom => code::SPF_QUESTION,
            };
            let line = i18n::fill(
                &t(template),
                &[
                    ("ip", q.ip.to_string()),
                    ("helo", q.helo.clone()),
                    ("from", q.mail_from.clone()),
                    ("domain", s.domain.clone()),
                ],
            );
            html! {
                <>
                    <p data-spf-domain={s.domain.clone()}>{ line }</p>
                    if let Some(exp) = &s.explanation { <p class="muted">{ format!("exp=: {exp}") }</p> }
                    { address_trace(lang, &yew::props!(AddressTraceProps { trace: s.trace.clone() })) }
                </>
            }
        }
        None => html! { <p class="muted">{ t(code::SPF_NOT_CHECKED) }</p> },
    };
    let word = o.spf.as_ref().map_or("none", |s| s.trace.result);
    html! {
        <section class="message-part" id="message-spf" data-result={word}>
            <h3>{ t(code::SPF_HEADING) }{ " " }<span class={classes!("verdict", word)}>{ word }</span></h3>
            if !o.hops.is_empty() { { hop_select(lang, o, chosen, on_hop) } }
            { body }
        </section>
    }
}

fn dmarc(lang: Lang, o: &MessageOutcome) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    let d = &o.dmarc;
    let word = d.result.as_str();
    let aligned = |method: &str, domain: &Option<String>| match domain {
        Some(dom) => i18n::fill(
            &t(code::DMARC_ALIGNED),
            &[("method", method.into()), ("domain", dom.clone())],
        ),
        None => i18n::fill(&t(code::DMARC_NOT_ALIGNED), &[("method", method.into())]),
    };
    let found_at = d.policy_domain.clone().unwrap_or_else(|| "—".into());
    let policy_domain = ("policy_domain", found_at);
    let from = d.author_domain.as_ref().map(|a| {
        i18n::fill(
            &t(code::DMARC_FROM),
            &[("domain", a.clone()), policy_domain.clone()],
        )
    });
    html! {
        <section class="message-part" id="message-dmarc" data-result={word}>
            <h3>{ t(code::DMARC_HEADING) }{ " " }<span class={classes!("verdict", word)}>{ word }</span></h3>
            if let Some(f) = from { <p>{ f }</p> }
            if let Some(r) = &d.record { <p><code>{ i18n::fill(&t(code::DMARC_RECORD), &[("record", r.clone())]) }</code></p> }
            if d.author_domain.is_some() {
                <ul class="plain">
                    <li data-aligned-dkim={d.dkim_aligned.clone()}>{ aligned("DKIM", &d.dkim_aligned) }</li>
                    <li data-aligned-spf={d.spf_aligned.clone()}>{ aligned("SPF", &d.spf_aligned) }</li>
                </ul>
            }
            if let Some(p) = d.disposition {
                <p data-disposition={p.as_str()}>{ i18n::fill(&t(code::DMARC_DISPOSITION), &[("policy", p.as_str().into())]) }</p>
            }
            { findings(lang, "dmarc", &d.findings) }
        </section>
    }
}

fn receiver(lang: Lang, o: &MessageOutcome) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    let wrote = o.receiver.as_ref().map(|r| {
        let head = i18n::fill(
            &t(code::RECEIVER_WROTE),
            &[("id", r.authserv_id.clone()), ("line", r.line.to_string())],
        );
        html! {
            <>
                <p>{ head }</p>
                <ul class="plain receiver-results">
                    { for r.results.iter().map(|m| {
                        let props = m.properties.iter().map(|(k, v)| format!(" {k}={v}")).collect::<String>();
                        let reason = m.reason.as_ref().map(|r| format!(" reason=\"{r}\"")).unwrap_or_default();
                        html! {
                            <li data-method={m.method.clone()} data-result={m.result.clone()}>
                                <code>{ format!("{}={}{reason}{props}", m.method, m.result) }</code>
                            </li>
                        }
                    }) }
                </ul>
            </>
        }
    });
    let more = (o.more_receivers > 0).then(|| {
        i18n::fill(
            &t(code::RECEIVER_MORE),
            &[("count", o.more_receivers.to_string())],
        )
    });
    html! {
        <section class="message-part" id="message-receiver">
            <h3>{ t(code::RECEIVER_HEADING) }</h3>
            { for wrote }
            if let Some(m) = more { <p class="muted">{ m }</p> }
            { findings(lang, "comparison", &o.comparison) }
        </section>
    }
}

/// The whole report.
pub fn report(lang: Lang, o: &MessageOutcome, chosen: HopChoice, on_hop: Callback<HopChoice>) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    let dkim = dkim_word(o);
    let spf_word = o.spf.as_ref().map_or("none", |s| s.trace.result);
    let dmarc_word = o.dmarc.result.as_str();
    let dkim_heading = i18n::fill(&t(code::DKIM_HEADING), &[("count", o.dkim.len().to_string())]);
    html! {
        <div class="message-report" id="message-report" data-dkim={dkim} data-spf={spf_word} data-dmarc={dmarc_word}>
            <h3>{ t(code::SUMMARY) }</h3>
            <p class="message-summary">
                <span>{ "DKIM " }<span class={classes!("verdict", dkim)}>{ dkim }</span></span>
                <span>{ "SPF " }<span class={classes!("verdict", spf_word)}>{ spf_word }</span></span>
                <span>{ "DMARC " }<span class={classes!("verdict", dmarc_word)}>{ dmarc_word }</span></span>
            </p>
            if !o.findings.is_empty() {
                <section class="message-part" id="message-notes">
                    <h3>{ t(code::NOTES) }</h3>
                    { findings(lang, "message", &o.findings) }
                </section>
            }
            <section class="message-part" id="message-dkim" data-result={dkim}>
                <h3>{ dkim_heading }</h3>
                if o.dkim.is_empty() {
                    <p>{ t(code::DKIM_NONE) }</p>
                } else {
                    <ol class="plain">
                        { for o.dkim.iter().enumerate().map(|(i, d)| signature(lang, i + 1, d)) }
                    </ol>
                }
            </section>
            { spf(lang, o, chosen, on_hop) }
            { dmarc(lang, o) }
            { receiver(lang, o) }
        </div>
    }
}
