//! The first-use race: before the first check, when the user has chosen no
//! resolver, ask every preset one harmless question and take the first that
//! answers correctly (AliDNS and DNSPod for mainland China, where Google is
//! blocked; Google and Cloudflare elsewhere). The choice itself is the pure
//! [`race::choose_resolver`]; this file only asks and times, in the
//! checker's worker.

use crate::dns::doh_resolver::DohResolver;
use crate::dns::endpoint::Endpoint;
use crate::dns::http_gloo::{GlooHttp, Progress};
use crate::dns::race::{self, ProbeResult, RaceOutcome};
use crate::dns::{Preset, Resolver};
use crate::web::clock as browser;
use futures::stream::{FuturesUnordered, StreamExt};
use std::rc::Rc;

async fn probe(preset: Preset) -> ProbeResult {
    let endpoint = Endpoint::from(preset);
    let http = GlooHttp::new(endpoint.protocol, Rc::new(Progress::default()));
    let resolver = DohResolver::new(http, &endpoint);
    let t0 = browser::now_ms();
    let outcome = resolver.query(race::PROBE_NAME, race::PROBE_TYPE).await;
    let elapsed = (browser::now_ms() - t0).max(0.0).min(f64::from(u32::MAX));
    ProbeResult {
        preset,
        elapsed_ms: elapsed as u32,
        outcome,
    }
}

/// Asks all presets at once and stops at the first correct answer.
pub async fn run() -> RaceOutcome {
    let mut pending: FuturesUnordered<_> = Preset::ALL.into_iter().map(probe).collect();
    let mut results = Vec::new();
    while let Some(result) = pending.next().await {
        let correct = race::check_probe(&result.outcome).is_ok();
        results.push(result);
        if correct {
            break;
        }
    }
    race::choose_resolver(&results)
}
