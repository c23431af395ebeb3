//! A mapped index file truncated by another program while it is mapped
//! makes the kernel raise SIGBUS on the next read of a page past the new
//! end, which would kill the interface with the terminal in raw mode. The
//! handler here takes such a fault in a mapping registered with [`watch`],
//! puts a page of zeros in place of the vanished one, notes that the index
//! is damaged ([`damaged`]) and lets the read go on; a fault anywhere else
//! gets the default action, as before.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

const SLOTS: usize = 16;

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: AtomicUsize = AtomicUsize::new(0);
/// Start and length of each watched mapping; a start of 0 is a free slot.
static STARTS: [AtomicUsize; SLOTS] = [EMPTY; SLOTS];
static LENS: [AtomicUsize; SLOTS] = [EMPTY; SLOTS];
static DAMAGED: AtomicBool = AtomicBool::new(false);
static PAGE: AtomicUsize = AtomicUsize::new(4096);
static INSTALL: Once = Once::new();

/// Whether a watched mapping lost pages under the program since it
/// started: what was read from it since is zeros, not the file.
pub fn damaged() -> bool {
    DAMAGED.load(Ordering::SeqCst)
}

/// Takes faults in `bytes` (a mapping of a file) from now on. Returns
/// whether it is watched: with all slots taken it is not, as before.
pub fn watch(bytes: &[u8]) -> bool {
    install();
    let (start, len) = (bytes.as_ptr() as usize, bytes.len());
    if start == 0 || len == 0 {
        return false;
    }
    for i in 0..SLOTS {
        // Length first: the handler reads a slot by its start.
        if STARTS[i].load(Ordering::SeqCst) == 0 {
            LENS[i].store(len, Ordering::SeqCst);
            if STARTS[i]
                .compare_exchange(0, start, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                return true;
            }
        }
    }
    false
}

/// Stops watching the mapping that starts at `bytes`, before it is unmapped.
pub fn unwatch(bytes: &[u8]) {
    let start = bytes.as_ptr() as usize;
    for slot in &STARTS {
        let _ = slot.compare_exchange(start, 0, Ordering::SeqCst, Ordering::SeqCst);
    }
}

fn install() {
    INSTALL.call_once(|| {
        // SAFETY: sysconf and sigaction are called with valid arguments;
        // the handler only reads atomics and calls mmap, which is
        // async-signal-safe.
        unsafe {
            let page = libc::sysconf(libc::_SC_PAGESIZE);
            if page > 0 {
                PAGE.store(page as usize, Ordering::SeqCst);
            }
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigbus as *const () as usize;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_NODEFER;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGBUS, &action, std::ptr::null_mut());
        }
    });
}

extern "C" fn on_sigbus(_: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let addr = unsafe { (*info).si_addr() } as usize;
    for i in 0..SLOTS {
        let start = STARTS[i].load(Ordering::SeqCst);
        let len = LENS[i].load(Ordering::SeqCst);
        if start != 0 && addr >= start && addr < start.saturating_add(len) {
            let page = PAGE.load(Ordering::SeqCst);
            let at = addr & !(page - 1);
            // SAFETY: the page lies in a mapping of ours that the kernel no
            // longer backs; an anonymous page of zeros takes its place.
            let mapped = unsafe {
                libc::mmap(
                    at as *mut libc::c_void,
                    page,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                    -1,
                    0,
                )
            };
            if mapped != libc::MAP_FAILED {
                DAMAGED.store(true, Ordering::SeqCst);
                return;
            }
        }
    }
    // Not a mapping of ours: the default action, on the fault's return.
    // SAFETY: resetting a handler is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGBUS, libc::SIG_DFL);
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    #[test]
    fn a_mapped_file_truncated_underfoot_reads_as_zeros_not_a_crash() {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(&vec![7u8; 64 * 1024]).unwrap();
        // SAFETY: the test truncates the file on purpose; that is what the
        // handler is for.
        let map = unsafe { memmap2::Mmap::map(&f).unwrap() };
        assert!(super::watch(&map));
        assert_eq!(map[60 * 1024], 7);
        f.set_len(4096).unwrap();
        // Past the new end: a page of zeros, and the damage noted.
        let read = unsafe { std::ptr::read_volatile(&map[60 * 1024]) };
        assert_eq!(read, 0);
        assert!(super::damaged());
        // Before it, the file as it still is.
        assert_eq!(map[100], 7);
        super::unwatch(&map);
    }
}
