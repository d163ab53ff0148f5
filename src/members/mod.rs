//! `arkiv members`: the password file of the members' area, for a secretary who has never
//! used `htpasswd`. `htpasswd` reads and writes the file's format, `password` asks for a new
//! password, and `command` runs `add`, `remove` and `list`.

pub mod command;
pub mod htpasswd;
pub mod password;
