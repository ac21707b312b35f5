//! The pages of one PDF read as images on several threads.
//!
//! Reading a page as an image (QR codes, then OCR) takes about a second of Tesseract's time
//! for a scanned page, and pages do not depend on each other, so they are read beside the
//! calling thread, up to [`Limits::ocr_threads`](crate::Limits::ocr_threads) at once. Poppler's
//! documents and pages cannot leave their thread: the calling thread reads every page's text
//! and renders the pages to be read as images (a few percent of their time), in order, and
//! hands the grey images out; each thread reading them uses its own Tesseract engine.
//!
//! The calling thread queues each rendered page; helper threads take pages from the queue,
//! and the calling thread reads one itself whenever more pages wait than there are helpers
//! (so it is never idle while pages wait, and at most twice as many rendered pages as
//! helpers, and one, are held at once). Without helpers (one thread, or none left in the
//! process: [`HelperPermit`]) it reads each page as soon as it is rendered, exactly one
//! after the other.
//!
//! The document is the same whatever the threads: what an image reads is put back where
//! its page was rendered, after the page's text and before its links. A failure (an error,
//! a limit, the deadline, a panic) is the one of the earliest page that fails, as when the
//! pages are read in order: once a page has failed, later pages are neither rendered nor
//! read, and the pages before it still are, since one of them may fail first.

use std::any::Any;
use std::collections::{BTreeMap, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;

use lopdf::ObjectId;

use super::{read_image, ImageRead, PageImage, PageReader, Place};
use crate::{Ctx, Document, ExtractError};

/// Why a page stopped the file: an error, or a panic to go on unwinding with (as it would
/// have from the calling thread).
enum Failure {
    Error(ExtractError),
    Panic(Box<dyn Any + Send>),
}

/// What became of a rendered page.
enum Outcome {
    Read(ImageRead),
    Failed(Failure),
    /// Not read: an earlier page had already failed.
    Skipped,
}

/// Reads `pages` into `document`: text and rendering on this thread, images on up to
/// `ctx.limits.ocr_threads` threads.
pub(super) fn read_pages(
    mut reader: PageReader<'_>,
    pages: &BTreeMap<u32, ObjectId>,
    document: &mut Document,
) -> Result<(), ExtractError> {
    let ctx = reader.ctx;
    let helpers_wanted = ctx.limits.ocr_threads.max(1) - 1;
    let shared = Shared::default();
    // The page that failed on this thread while reading its text or rendering it.
    let mut failed_here: Option<(u32, Failure)> = None;
    thread::scope(|scope| {
        // Helpers stop once the queue is closed and empty, even if this thread unwinds.
        let _close = CloseOnDrop(&shared);
        let mut helpers = 0;
        for (&number, &page_id) in pages {
            if number > shared.first_failure.load(Ordering::Acquire) {
                break;
            }
            let step =
                panic::catch_unwind(AssertUnwindSafe(|| reader.read(number, page_id, document)));
            let image = match step {
                Ok(Ok(Some(image))) => image,
                Ok(Ok(None)) => continue,
                Ok(Err(error)) => {
                    shared.fail(number);
                    failed_here = Some((number, Failure::Error(error)));
                    break;
                }
                Err(payload) => {
                    shared.fail(number);
                    failed_here = Some((number, Failure::Panic(payload)));
                    break;
                }
            };
            if helpers < helpers_wanted {
                if let Some(permit) = HelperPermit::acquire() {
                    let shared = &shared;
                    let helper = thread::Builder::new()
                        .name("offside-pdf-page".to_owned())
                        .spawn_scoped(scope, move || {
                            let _permit = permit;
                            while let Some(image) = shared.next() {
                                shared.run(image, ctx);
                            }
                        });
                    // A thread the system refuses (its permit dropped with the closure)
                    // leaves the pages to the threads there are.
                    if helper.is_ok() {
                        helpers += 1;
                    }
                }
            }
            // More pages waiting than helpers to take them: read one here meanwhile.
            if shared.push(image) > helpers {
                if let Some(image) = shared.take() {
                    shared.run(image, ctx);
                }
            }
        }
        shared.close();
        // What no helper has taken yet is read here; the scope then waits for the helpers.
        while let Some(image) = shared.take() {
            shared.run(image, ctx);
        }
    });

    let mut done = shared
        .done
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    // The earliest failure, as reading the pages in order would have met it (a page that
    // failed on this thread was not rendered, so no image of it failed too).
    let earliest_read = done
        .iter()
        .enumerate()
        .filter(|(_, (_, outcome))| matches!(outcome, Outcome::Failed(_)))
        .min_by_key(|(_, (place, _))| place.page)
        .map(|(index, (place, _))| (index, place.page));
    let failure = match (earliest_read, failed_here) {
        (Some((index, page)), here) if here.as_ref().is_none_or(|(at, _)| page < *at) => {
            match done.swap_remove(index).1 {
                Outcome::Failed(failure) => Some(failure),
                Outcome::Read(_) | Outcome::Skipped => None,
            }
        }
        (_, here) => here.map(|(_, failure)| failure),
    };
    match failure {
        Some(Failure::Error(error)) => return Err(error),
        Some(Failure::Panic(payload)) => panic::resume_unwind(payload),
        None => {}
    }
    // Later pages first, so that the places of earlier ones stay where they were (pages
    // whose images go to the same place keep their order).
    done.sort_by_key(|(place, _)| std::cmp::Reverse(place.page));
    for (place, outcome) in done {
        // Only pages after a failure are skipped, and there was none.
        let Outcome::Read(read) = outcome else {
            continue;
        };
        document
            .segments
            .splice(place.segments_at..place.segments_at, read.segments);
        document
            .warnings
            .splice(place.warnings_at..place.warnings_at, read.warnings);
    }
    Ok(())
}

/// What the threads reading one file share.
struct Shared {
    queue: Mutex<Queue>,
    /// Signalled when a page is queued or the queue is closed.
    ready: Condvar,
    /// Where each rendered page goes and what became of it, in no order.
    done: Mutex<Vec<(Place, Outcome)>>,
    /// The earliest page that has failed so far (`u32::MAX`: none).
    first_failure: AtomicU32,
}

impl Default for Shared {
    fn default() -> Shared {
        Shared {
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
            done: Mutex::new(Vec::new()),
            first_failure: AtomicU32::new(u32::MAX),
        }
    }
}

#[derive(Default)]
struct Queue {
    pages: VecDeque<PageImage>,
    closed: bool,
}

impl Shared {
    fn queue(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues a rendered page; how many are waiting with it.
    fn push(&self, image: PageImage) -> usize {
        let waiting = {
            let mut queue = self.queue();
            queue.pages.push_back(image);
            queue.pages.len()
        };
        self.ready.notify_one();
        waiting
    }

    /// The earliest waiting page, if any (does not wait).
    fn take(&self) -> Option<PageImage> {
        self.queue().pages.pop_front()
    }

    /// The earliest waiting page, waiting for one; `None` once the queue is closed and empty.
    fn next(&self) -> Option<PageImage> {
        let mut queue = self.queue();
        loop {
            if let Some(image) = queue.pages.pop_front() {
                return Some(image);
            }
            if queue.closed {
                return None;
            }
            queue = self
                .ready
                .wait(queue)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// No more pages will be queued.
    fn close(&self) {
        self.queue().closed = true;
        self.ready.notify_all();
    }

    /// Notes that page `number` failed: later pages need not be read.
    fn fail(&self, number: u32) {
        self.first_failure.fetch_min(number, Ordering::AcqRel);
    }

    /// Reads a rendered page as an image (unless an earlier page has failed) and keeps
    /// what became of it.
    fn run(&self, image: PageImage, ctx: &Ctx) {
        let place = image.place;
        let outcome = if place.page > self.first_failure.load(Ordering::Acquire) {
            Outcome::Skipped
        } else {
            match panic::catch_unwind(AssertUnwindSafe(|| read_image(&image, ctx))) {
                Ok(Ok(read)) => Outcome::Read(read),
                Ok(Err(error)) => Outcome::Failed(Failure::Error(error)),
                Err(payload) => Outcome::Failed(Failure::Panic(payload)),
            }
        };
        // The pixels are not needed any more.
        drop(image);
        if matches!(outcome, Outcome::Failed(_)) {
            self.fail(place.page);
        }
        self.done
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((place, outcome));
    }
}

/// Closes the queue when dropped, so helper threads end even if the calling thread unwinds.
struct CloseOnDrop<'a>(&'a Shared);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// Helper threads reading pages in the whole process.
static HELPERS: AtomicUsize = AtomicUsize::new(0);

/// The right to run one helper thread: at most one per core but one (and at least one) in
/// the whole process, so that files read at once on several threads (`scan --docs -j N`,
/// the service's attachments) do not each add as many threads as there are cores.
struct HelperPermit;

impl HelperPermit {
    fn acquire() -> Option<HelperPermit> {
        let most = crate::cores().saturating_sub(1).max(1);
        HELPERS
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |running| {
                (running < most).then_some(running + 1)
            })
            .ok()
            .map(|_| HelperPermit)
    }
}

impl Drop for HelperPermit {
    fn drop(&mut self) {
        HELPERS.fetch_sub(1, Ordering::AcqRel);
    }
}
