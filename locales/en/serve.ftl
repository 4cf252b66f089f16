# baocao serve: the lake as a PostgreSQL server; who may connect. English.
serve-users-unreadable = cannot read the users file { $path }: { $error }
serve-users-bad-line = line { NUMBER($line, useGrouping: "false") } of the users file { $path } is not 'name:SCRAM-SHA-256$...': add users with baocao users add NAME --users { $path } instead of editing the file by hand
serve-no-users = no user may connect: the users file { $path } is missing or empty. Add one with: baocao users add NAME --users { $path }
serve-tls-unloadable = the TLS certificate or key { $path } cannot be loaded ({ $error }): the server does not start without it. Give a PEM certificate chain with --tls-cert and its private key with --tls-key, or leave both out to serve this machine only (127.0.0.1) without TLS
serve-tls-no-certificate = it holds no PEM certificate (-----BEGIN CERTIFICATE-----)
serve-tls-no-key = it holds no PEM private key (-----BEGIN PRIVATE KEY-----)
serve-cannot-listen = cannot listen on { $addr }: { $error } (is another server using that port? choose another with --listen 127.0.0.1:PORT)
serve-login-failed = password authentication failed for user "{ $user }"
serve-tls-required = this server accepts only TLS connections: connect with sslmode=require
serve-too-many = the server already serves { NUMBER($limit, useGrouping: "false") } connections, its most (--max-connections): try again when one closes
serve-timeout = the statement was stopped after { NUMBER($seconds, useGrouping: "false") } { $seconds ->
        [one] second
       *[other] seconds
    }, the server's limit (--statement-timeout) or your statement_timeout: narrow it with WHERE (a year, a unit) or ask for fewer rows
serve-memory-limit = the statement needs more memory than one statement may hold (--memory-limit): narrow it with WHERE (a year, a unit), group by fewer columns, or ask for fewer rows
serve-language-unknown = lc_messages '{ $value }' is not a language baocao speaks: write 'vi' or 'en'
serve-cancelled = the statement was cancelled, as you asked
serve-plain-on-network = this server listens beyond this machine without TLS: passwords stay safe (SCRAM-SHA-256), but the figures cross the network readable by anyone on the way; give --tls-cert and --tls-key
serve-engine-fault = the query engine failed on this statement ({ $error }); the server goes on: try the statement narrowed with WHERE, or with more memory (--memory-limit)
