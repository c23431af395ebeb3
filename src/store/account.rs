//! Who is using the program, as the system knows the account: its full
//! name (the GECOS field of the password database) and its login. A note
//! written without `author` in the configuration is signed with these.

use std::path::Path;

/// The password database read for the full name.
const PASSWD: &str = "/etc/passwd";

/// The largest password database read (a few hundred bytes a line).
const PASSWD_CAP: u64 = 4 * 1024 * 1024;

/// The account's full name, else its login; `None` when neither is known.
pub fn name() -> Option<String> {
    let login = login();
    let passwd = super::regular::read_capped(Path::new(PASSWD), PASSWD_CAP)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    full_name(&passwd, login.as_deref(), uid()).or(login)
}

fn login() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

#[cfg(unix)]
fn uid() -> Option<u32> {
    // SAFETY: getuid has no preconditions and cannot fail.
    Some(unsafe { libc::getuid() })
}

#[cfg(not(unix))]
fn uid() -> Option<u32> {
    None
}

/// The full name of the account with `login` (else with `uid`) in a
/// password database's text: the GECOS field up to its first comma.
fn full_name(passwd: &str, login: Option<&str>, uid: Option<u32>) -> Option<String> {
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        let (name, id, gecos) = (fields.first()?, fields.get(2)?, fields.get(4)?);
        let matches = match login {
            Some(l) => *name == l,
            None => uid.is_some_and(|u| id.parse::<u32>().ok() == Some(u)),
        };
        if !matches {
            return None;
        }
        let full = gecos.split(',').next().unwrap_or("").trim();
        // `&` in the field stands for the login, capitalised.
        let full = full.replace('&', &capitalised(name));
        Some(full).filter(|f| !f.is_empty())
    })
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/bash\n\
        anna:x:1000:1000:Anna de Vries,Kamer 3,,:/home/anna:/bin/bash\n\
        piet:x:1001:1001::/home/piet:/bin/sh\n\
        jan:x:1002:1002:& Jansen:/home/jan:/bin/sh\n";

    #[test]
    fn the_full_name_comes_from_the_gecos_field() {
        assert_eq!(
            full_name(PASSWD, Some("anna"), None).as_deref(),
            Some("Anna de Vries")
        );
        assert_eq!(
            full_name(PASSWD, None, Some(1000)).as_deref(),
            Some("Anna de Vries")
        );
        assert_eq!(
            full_name(PASSWD, Some("jan"), None).as_deref(),
            Some("Jan Jansen")
        );
        // No full name: the caller falls back on the login.
        assert_eq!(full_name(PASSWD, Some("piet"), None), None);
        assert_eq!(full_name(PASSWD, Some("niemand"), None), None);
    }
}
