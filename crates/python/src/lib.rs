//! `offside._offside`: the native half of the `offside` Python package.
//!
//! Thin bindings over `offside-detect` (scanning, redaction) and `offside-policy` (the
//! decision and policy files). The Python half (`python/offside/`) adds the module-level
//! `check()`, the Presidio recognizer and the docs users read with `help()`.
//!
//! Two things differ from the Rust API, both for Python's sake:
//! - Offsets. `Finding.start` and `.end` are Python string indices (code points), so that
//!   `text[f.start:f.end]` is the evidence; the engine's byte offsets are converted once
//!   per text, in one pass, and only when the text is not ASCII.
//! - The GIL. Every scan runs with the GIL released, and `Engine.scan_many` spreads a batch
//!   over threads, so a notebook or a Spark executor gets all its cores.
//!
//! Errors are Python exceptions with the CLI's messages: `InvalidEvent` (what
//! `offside check` prints on an error line), `InvalidPolicy` (what `offside policy check`
//! prints) and `InvalidRegion`, all subclasses of `OffsideError`, itself a `ValueError`.

use std::sync::Mutex;

mod event_json;

use offside_detect::{EngineOptions, Region};
use offside_policy::{Event, Policy as RustPolicy};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

pyo3::create_exception!(
    _offside,
    OffsideError,
    PyValueError,
    "Base class of offside's errors (a ValueError): the input, not the library, is wrong."
);
pyo3::create_exception!(
    _offside,
    InvalidEvent,
    OffsideError,
    "An event that cannot be decided: the message names the field, as `offside check` does."
);
pyo3::create_exception!(
    _offside,
    InvalidPolicy,
    OffsideError,
    "A policy file that was refused: the message names the line, column and key, as `offside policy check` does."
);
pyo3::create_exception!(
    _offside,
    InvalidRegion,
    OffsideError,
    "A region code that is not a two-letter ISO 3166 code with a numbering plan."
);

/// Texts per unit of work in `scan_many`: small enough to balance threads, large enough
/// that taking the next unit costs nothing next to scanning it.
const BLOCK: usize = 256;

/// One thing found in a text.
///
/// `start` and `end` are Python string indices (code points, not UTF-8 bytes):
/// `text[finding.start:finding.end]` is the evidence. For a conversation, `start` indexes
/// message `message`; for a value split over several messages (`messages`), `end` indexes
/// the last of them.
#[pyclass(frozen, module = "offside", name = "Finding")]
#[derive(Clone, PartialEq)]
pub struct Finding {
    kind: &'static str,
    value: Option<String>,
    start: usize,
    end: usize,
    confidence: f64,
    rule: &'static str,
    message: Option<usize>,
    messages: Vec<usize>,
}

#[pymethods]
impl Finding {
    /// What was found: `email`, `phone`, `url`, `social`, `messenger`, `meeting`,
    /// `payment` or `solicitation`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }

    /// The canonical value (`alex@gmail.com`, `+14158392716`, `whatsapp`), or None where
    /// only the kind matters (a solicitation, a generic "pay me outside").
    #[getter]
    fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// Index of the first character of the evidence (a Python string index).
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Index just past the evidence (a Python string index); for a value split over
    /// several messages, in the last of `messages`.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// How sure the detector is, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The detector and rule that fired, `detector/rule` (`email/obfuscated`).
    #[getter]
    fn rule(&self) -> &'static str {
        self.rule
    }

    /// For conversations: the index of the message the evidence starts in; None otherwise.
    #[getter]
    fn message(&self) -> Option<usize> {
        self.message
    }

    /// For a value split over several messages: every message index that contributed;
    /// empty otherwise.
    #[getter]
    fn messages(&self) -> Vec<usize> {
        self.messages.clone()
    }

    /// The finding as a dict, in `offside scan`'s JSON shape (with string indices):
    /// `kind`, `value`, `start`, `end`, `confidence`, `rule`, then `message` and `messages`
    /// for conversations.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("kind", self.kind)?;
        dict.set_item("value", self.value.as_deref())?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("confidence", self.confidence)?;
        dict.set_item("rule", self.rule)?;
        if let Some(message) = self.message {
            dict.set_item("message", message)?;
        }
        if self.messages.len() > 1 {
            dict.set_item("messages", self.messages.clone())?;
        }
        Ok(dict)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Finding>()
            .map(|other| *other.get() == *self)
            .unwrap_or(false)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (self.kind, &self.value, self.start, self.end, self.rule).hash(&mut hasher);
        hasher.finish()
    }

    fn __repr__(&self) -> String {
        let value = match &self.value {
            Some(value) => format!("{value:?}"),
            None => "None".to_owned(),
        };
        let message = match self.message {
            Some(message) => format!(", message={message}"),
            None => String::new(),
        };
        format!(
            "Finding(kind={:?}, value={value}, start={}, end={}, confidence={}, rule={:?}{message})",
            self.kind, self.start, self.end, self.confidence, self.rule
        )
    }
}

/// Converts the engine's findings on `text` (byte offsets) to Python findings (code point
/// offsets). `texts` are the messages of a conversation, or the one text.
fn convert(findings: Vec<offside_detect::Finding>, texts: &[&str]) -> Vec<Finding> {
    if findings.is_empty() {
        return Vec::new();
    }
    // Group the byte offsets by the text they index, convert each group in one pass.
    let mut offsets: Vec<Vec<(usize, usize)>> = vec![Vec::new(); texts.len()];
    let last = texts.len().saturating_sub(1);
    for (index, finding) in findings.iter().enumerate() {
        // A value split over several messages starts in `message` and ends in the last of
        // `messages`; each offset indexes its own message.
        let first = finding.message.unwrap_or(0).min(last);
        let end_text = match finding.messages.as_slice() {
            [_, .., end] => (*end).min(last),
            _ => first,
        };
        offsets[first].push((finding.start, 2 * index));
        offsets[end_text].push((finding.end, 2 * index + 1));
    }
    let mut converted = vec![0usize; 2 * findings.len()];
    for (text, wanted) in texts.iter().zip(offsets.iter_mut()) {
        to_char_offsets(text, wanted, &mut converted);
    }
    findings
        .into_iter()
        .enumerate()
        .map(|(index, finding)| Finding {
            kind: finding.kind.as_str(),
            value: finding.value,
            start: converted[2 * index],
            end: converted[2 * index + 1],
            confidence: shortest_f64(finding.confidence),
            rule: finding.rule,
            message: finding.message,
            messages: finding.messages,
        })
        .collect()
}

/// Writes, for each `(byte offset, slot)`, the number of characters of `text` that start
/// before that offset into `out[slot]`. One pass over the text; no slicing, so an offset
/// that is not on a character boundary cannot panic.
fn to_char_offsets(text: &str, wanted: &mut [(usize, usize)], out: &mut [usize]) {
    if text.is_ascii() {
        for &(byte, slot) in wanted.iter() {
            out[slot] = byte.min(text.len());
        }
        return;
    }
    wanted.sort_unstable();
    let mut chars = text.char_indices().peekable();
    let mut count = 0;
    for &(byte, slot) in wanted.iter() {
        while chars.next_if(|&(at, _)| at < byte).is_some() {
            count += 1;
        }
        out[slot] = count;
    }
}

/// The f32 confidence as the f64 Python prints the same way (0.9, not 0.899999976...), as
/// the JSON output does.
fn shortest_f64(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

fn parse_region(code: &str) -> PyResult<Region> {
    Region::parse(code).map_err(|error| InvalidRegion::new_err(error.to_string()))
}

fn optional_region(code: Option<&str>) -> PyResult<Option<Region>> {
    code.map(parse_region).transpose()
}

fn findings_list<'py>(py: Python<'py>, findings: Vec<Finding>) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, findings)
}

/// The detection engine. Build it once and share it: it is thread-safe, and every method
/// releases the GIL while it scans.
///
/// `region` is the ISO 3166 region assumed for phone numbers written without a country
/// code (`"US"` by default); a bad code raises `InvalidRegion`.
#[pyclass(frozen, subclass, module = "offside", name = "Engine")]
pub struct Engine {
    engine: offside_detect::Engine,
    region: String,
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (region = "US"))]
    fn new(py: Python<'_>, region: &str) -> PyResult<Engine> {
        let default_region = parse_region(region)?;
        let engine = py.detach(|| {
            offside_detect::Engine::new(EngineOptions {
                default_region,
                ..EngineOptions::default()
            })
        });
        Ok(Engine {
            engine,
            region: default_region.code(),
        })
    }

    /// The default region, as an upper-case code.
    #[getter]
    fn region(&self) -> &str {
        &self.region
    }

    /// Scans one text. Returns its findings, sorted by start.
    ///
    /// `region` overrides the engine's default region for this text.
    #[pyo3(signature = (text, region = None))]
    fn scan<'py>(
        &self,
        py: Python<'py>,
        text: String,
        region: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let region = optional_region(region)?;
        let findings = py.detach(|| convert(self.engine.scan(&text, region), &[&text]));
        findings_list(py, findings)
    }

    /// Scans the recent messages of one conversation, oldest first, so that a value split
    /// over several messages ("my number is" / "four one five" / "839 2716") is found.
    ///
    /// Each finding's `message` is the index of the message it starts in and `start` an
    /// index in that message. For a value split over several messages, `messages` lists
    /// them all and `end` is an index in the last one; otherwise `end` is in `message` too.
    #[pyo3(signature = (messages, region = None))]
    fn scan_conversation<'py>(
        &self,
        py: Python<'py>,
        messages: &Bound<'py, PyAny>,
        region: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let region = optional_region(region)?;
        let texts = collect_texts(messages, "scan_conversation")?;
        let findings = py.detach(|| {
            let views: Vec<&str> = texts.iter().map(String::as_str).collect();
            convert(self.engine.scan_conversation(&views, region), &views)
        });
        findings_list(py, findings)
    }

    /// Scans many texts, each on its own, on `threads` threads (all cores when None or 0)
    /// with the GIL released. Accepts any iterable of str (a list, a generator, a pandas
    /// Series) and returns one list of findings per text, in input order: the same as
    /// `[engine.scan(t) for t in texts]`, faster.
    #[pyo3(signature = (texts, threads = None, region = None))]
    fn scan_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        region: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let region = optional_region(region)?;
        let texts = collect_texts(texts, "scan_many")?;
        let threads = match threads {
            None | Some(0) => std::thread::available_parallelism().map_or(1, |n| n.get()),
            Some(n) => n,
        };
        let results = py.detach(|| self.scan_batch(&texts, region, threads));
        let list = PyList::empty(py);
        for findings in results {
            list.append(findings_list(py, findings)?)?;
        }
        Ok(list)
    }

    /// The text with every finding masked (`[email hidden]`, `[phone hidden]`…).
    #[pyo3(signature = (text, region = None))]
    fn redact(&self, py: Python<'_>, text: String, region: Option<&str>) -> PyResult<String> {
        let region = optional_region(region)?;
        Ok(py.detach(|| offside_detect::redact(&text, &self.engine.scan(&text, region))))
    }

    /// Decides on one event given as JSON text; `from_value` says the text is the JSON
    /// form of a Python dict (errors then carry no column). Returns the decision as JSON,
    /// the line `offside check` prints. Used by `offside.check`.
    #[pyo3(signature = (event_json, policy = None, from_value = false))]
    fn _check_json(
        &self,
        py: Python<'_>,
        event_json: String,
        policy: Option<&Policy>,
        from_value: bool,
    ) -> PyResult<String> {
        let default_policy;
        let policy = match policy {
            Some(policy) => &policy.policy,
            None => {
                default_policy = RustPolicy::default();
                &default_policy
            }
        };
        py.detach(|| decide_json(&self.engine, policy, &event_json, from_value))
            .map_err(InvalidEvent::new_err)
    }

    fn __repr__(&self) -> String {
        format!("Engine(region={:?})", self.region)
    }
}

impl Engine {
    /// Scans `texts` on up to `threads` scoped threads, blocks of [`BLOCK`] texts at a
    /// time, and returns the findings in input order.
    fn scan_batch(
        &self,
        texts: &[String],
        region: Option<Region>,
        threads: usize,
    ) -> Vec<Vec<Finding>> {
        let mut results: Vec<Vec<Finding>> = vec![Vec::new(); texts.len()];
        let threads = threads.clamp(1, texts.len().div_ceil(BLOCK).max(1));
        let scan_block = |block: &[String], out: &mut [Vec<Finding>]| {
            for (text, slot) in block.iter().zip(out.iter_mut()) {
                *slot = convert(self.engine.scan(text, region), &[text]);
            }
        };
        if threads == 1 {
            scan_block(texts, &mut results);
            return results;
        }
        let work = Mutex::new(texts.chunks(BLOCK).zip(results.chunks_mut(BLOCK)));
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    loop {
                        // A poisoned lock means another worker panicked: stop taking work;
                        // the scope re-raises the panic.
                        let next = match work.lock() {
                            Ok(mut blocks) => blocks.next(),
                            Err(_) => None,
                        };
                        let Some((block, out)) = next else { break };
                        scan_block(block, out);
                    }
                });
            }
        });
        results
    }
}

/// Reads an iterable of str into owned strings (the GIL is released while they are
/// scanned). A non-str item is a TypeError naming its index and type.
fn collect_texts(iterable: &Bound<'_, PyAny>, method: &str) -> PyResult<Vec<String>> {
    if iterable.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{method}() takes an iterable of str, not a single str"
        )));
    }
    let mut texts = Vec::with_capacity(iterable.len().unwrap_or(0));
    for (index, item) in iterable.try_iter()?.enumerate() {
        let item = item?;
        match item.cast::<PyString>() {
            Ok(text) => texts.push(text.to_cow()?.into_owned()),
            Err(_) => {
                let type_name = item.get_type().name()?;
                return Err(PyTypeError::new_err(format!(
                    "{method}(): item {index} is {type_name}, not str"
                )));
            }
        }
    }
    Ok(texts)
}

/// The decision on one event as the JSON line `offside check` prints, or the message of
/// the error line it would print instead.
fn decide_json(
    engine: &offside_detect::Engine,
    policy: &RustPolicy,
    event_json: &str,
    from_value: bool,
) -> Result<String, String> {
    let event: Event<serde_json::Value> = if from_value {
        let value: serde_json::Value =
            serde_json::from_str(event_json).map_err(|error| format!("invalid JSON: {error}"))?;
        event_json::event_from_value(value)?
    } else {
        event_json::event_from_line(event_json)?
    };
    let region = match &event.region {
        None => None,
        Some(code) => Some(Region::parse(code).map_err(|error| format!("\"region\": {error}"))?),
    };
    let decision =
        offside_policy::check(engine, policy, &event, region).map_err(|error| error.to_string())?;
    let line = DecisionLine {
        id: event.id.as_ref(),
        decision: &decision,
    };
    serde_json::to_string(&line).map_err(|error| format!("internal error: {error}"))
}

/// The line `offside check` prints: the event's id, then the decision's fields.
#[derive(serde::Serialize)]
struct DecisionLine<'a> {
    id: Option<&'a serde_json::Value>,
    #[serde(flatten)]
    decision: &'a offside_policy::Decision,
}

/// A policy: which findings break which rule on which surface, the exceptions, the
/// actions and the sanction ladder. `Policy()` is the default policy (`offside policy
/// show`); `Policy.from_file` and `Policy.from_str` read a TOML policy and raise
/// `InvalidPolicy` with the line, column and key of the first problem.
#[pyclass(frozen, module = "offside", name = "Policy")]
pub struct Policy {
    policy: RustPolicy,
    source: Option<String>,
}

#[pymethods]
impl Policy {
    /// The default policy.
    #[new]
    fn new() -> Policy {
        Policy {
            policy: RustPolicy::default(),
            source: None,
        }
    }

    /// Reads and checks a policy from TOML text.
    #[staticmethod]
    fn from_str(text: &str) -> PyResult<Policy> {
        RustPolicy::from_toml(text)
            .map(|policy| Policy {
                policy,
                source: None,
            })
            .map_err(|error| InvalidPolicy::new_err(error.to_string()))
    }

    /// Reads and checks a policy file. The error message is what `offside policy check
    /// FILE` prints: the file, then the line, column and key. An unreadable file raises
    /// OSError.
    #[staticmethod]
    fn from_file(path: std::path::PathBuf) -> PyResult<Policy> {
        let text = std::fs::read_to_string(&path)?;
        RustPolicy::from_toml(&text)
            .map(|policy| Policy {
                policy,
                source: Some(path.display().to_string()),
            })
            .map_err(|error| InvalidPolicy::new_err(format!("{}: {error}", path.display())))
    }

    /// The default policy file's text, with its comments: a starting point to edit.
    #[staticmethod]
    fn default_toml() -> &'static str {
        offside_policy::DEFAULT_POLICY_TOML
    }

    fn __repr__(&self) -> String {
        match &self.source {
            Some(path) => format!("Policy.from_file({path:?})"),
            None => "Policy(...)".to_owned(),
        }
    }
}

/// The native module; `offside/__init__.py` re-exports it.
#[pymodule]
fn _offside(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Engine>()?;
    m.add_class::<Finding>()?;
    m.add_class::<Policy>()?;
    m.add("OffsideError", py.get_type::<OffsideError>())?;
    m.add("InvalidEvent", py.get_type::<InvalidEvent>())?;
    m.add("InvalidPolicy", py.get_type::<InvalidPolicy>())?;
    m.add("InvalidRegion", py.get_type::<InvalidRegion>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
