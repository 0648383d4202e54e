//! The first-use race: before the first check, when the user has chosen no
//! resolver, ask every preset one harmless question and take the first that
//! answers correctly (AliDNS and DNSPod for mainland China, where Google is
//! blocked; Google and Cloudflare elsewhere). The choice itself is the pure
//! [`presets::choose_resolver`]; this file only asks and times.

use crate::dns::doh_any::DohResolver;
use crate::dns::doh_resolver::DohJsonResolver;
use crate::dns::doh_wire_resolver::DohWireResolver;
use crate::dns::http_gloo::{GlooHttp, Progress};
use crate::dns::presets::{self, ProbeResult, RaceOutcome, ResolverKind, ResolverPreset};
use crate::dns::{JsonFlavor, Resolver};
use crate::ui::browser;
use futures::stream::{FuturesUnordered, StreamExt};
use std::rc::Rc;

/// The localStorage key of the remembered resolver (a preset id).
pub const RESOLVER_KEY: &str = "maildns.resolver.v1";

async fn probe(preset: &'static ResolverPreset) -> ProbeResult {
    let progress = Rc::new(Progress::default());
    let t0 = browser::now_ms();
    let resolver = match preset.kind {
        ResolverKind::Json(flavor) => DohResolver::Json(DohJsonResolver::new(
            GlooHttp::new(flavor, progress),
            preset.url,
            flavor,
        )),
        ResolverKind::Wire => DohResolver::Wire(DohWireResolver::new(
            GlooHttp::new(JsonFlavor::Google, progress),
            preset.url,
        )),
    };
    let outcome = resolver.query(presets::PROBE_NAME, presets::PROBE_TYPE).await;
    let elapsed = (browser::now_ms() - t0).max(0.0).min(f64::from(u32::MAX));
    ProbeResult {
        preset_id: preset.id,
        elapsed_ms: elapsed as u32,
        outcome,
    }
}

/// Asks all presets at once and stops at the first correct answer.
pub async fn run() -> RaceOutcome {
    let mut pending: FuturesUnordered<_> = presets::PRESETS.iter().map(probe).collect();
    let mut results = Vec::new();
    while let Some(result) = pending.next().await {
        let correct = presets::check_probe(&result.outcome).is_ok();
        results.push(result);
        if correct {
            break;
        }
    }
    presets::choose_resolver(&results)
}
