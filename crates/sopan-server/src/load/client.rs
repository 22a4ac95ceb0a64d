//! A minimal HTTP/1.1 client over one kept-alive TCP connection: enough for the load
//! generator and the tests, with nothing to add to the build.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// An answer: status and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: String,
    /// Whether the server gave the first answer to a repeated idempotency key.
    pub replayed: bool,
}

/// A connection to one server, opened again when lost.
pub struct Client {
    addr: String,
    conn: Option<BufReader<TcpStream>>,
}

/// The largest answer read.
const MAX_ANSWER: usize = 16 * 1024 * 1024;

impl Client {
    /// A client of the server at `addr` (`127.0.0.1:8080`).
    pub fn new(addr: &str) -> Client {
        Client {
            addr: addr.to_string(),
            conn: None,
        }
    }

    /// The server's address.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Sends one request; an I/O error drops the connection (the next request opens one).
    pub fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> std::io::Result<Answer> {
        let result = self.exchange(method, path, headers, body);
        if result.is_err() {
            self.conn = None;
        }
        result
    }

    fn exchange(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> std::io::Result<Answer> {
        if self.conn.is_none() {
            let stream = TcpStream::connect(&self.addr)?;
            stream.set_nodelay(true)?;
            stream.set_read_timeout(Some(Duration::from_secs(30)))?;
            self.conn = Some(BufReader::new(stream));
        }
        let conn = self
            .conn
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no connection"))?;
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (k, v) in headers {
            request.push_str(&format!("{k}: {v}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(body);
        conn.get_mut().write_all(request.as_bytes())?;
        let mut line = String::new();
        conn.read_line(&mut line)?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| std::io::Error::other(format!("not an HTTP answer: {line:?}")))?;
        let mut length = 0usize;
        let mut replayed = false;
        loop {
            line.clear();
            if conn.read_line(&mut line)? == 0 {
                return Err(std::io::Error::other("connection closed in the headers"));
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((k, v)) = header.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap_or(0);
                } else if k.eq_ignore_ascii_case("idempotent-replayed") {
                    replayed = v.trim() == "true";
                }
            }
        }
        if length > MAX_ANSWER {
            return Err(std::io::Error::other("answer too large"));
        }
        let mut bytes = vec![0; length];
        conn.read_exact(&mut bytes)?;
        Ok(Answer {
            status,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            replayed,
        })
    }
}
