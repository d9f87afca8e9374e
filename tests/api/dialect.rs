//! One test per place SQLite and PostgreSQL differ (`src/store/dialect.rs`),
//! run on whichever backend the suite runs on (CI runs it on both). These
//! are store tests: they use the pool directly.

use std::sync::mpsc;

use chrono::Duration;
use courtside::audit::{self, AuditAction, Entry, Verdict};
use courtside::store::schema::{account_notices, users};
use courtside::store::{self, dialect, AnyConn, Backend};
use diesel::prelude::*;

use crate::helpers::*;

fn amara_id(conn: &mut AnyConn) -> String {
    users::table
        .filter(users::email.eq(AMARA))
        .select(users::id)
        .first(conn)
        .unwrap()
}

/// A pending account notice for `user` keyed `key`, as an insert that
/// ignores a clash on the key.
macro_rules! notice_insert {
    ($user:expr, $key:expr) => {{
        let ts = store::to_db(test_now());
        diesel::insert_into(account_notices::table)
            .values((
                account_notices::id.eq(store::new_id()),
                account_notices::idempotency_key.eq($key),
                account_notices::user_id.eq($user),
                account_notices::template.eq("account.sign_in_failures"),
                account_notices::data_json.eq("{}"),
                account_notices::state.eq("pending"),
                account_notices::send_after.eq(ts),
                account_notices::attempts.eq(0),
                account_notices::created_at.eq(ts),
                account_notices::updated_at.eq(ts),
            ))
            .on_conflict(account_notices::idempotency_key)
            .do_nothing()
    }};
}

#[actix_web::test]
async fn new_connections_enforce_foreign_keys_and_keep_instants_in_utc() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let refused = dialect::execute!(&mut *conn, notice_insert!("no-such-user", "k1"));
    assert!(refused.is_err(), "a row pointing at no user is refused");
    if dialect::backend_of(&conn) == Backend::Postgres {
        #[derive(QueryableByName)]
        struct Tz {
            #[diesel(sql_type = diesel::sql_types::Text)]
            tz: String,
        }
        let tz: Tz = diesel::sql_query("SELECT current_setting('TimeZone') AS tz")
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(tz.tz, "UTC");
    }
    app.stop().await;
}

#[actix_web::test]
async fn an_ignored_conflict_inserts_nothing_and_is_no_error() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let amara = amara_id(&mut conn);
    let first = dialect::execute!(&mut *conn, notice_insert!(&amara, "same-key")).unwrap();
    let again = dialect::execute!(&mut *conn, notice_insert!(&amara, "same-key")).unwrap();
    assert_eq!((first, again), (1, 0));
    let rows: i64 = account_notices::table
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(rows, 1);
    app.stop().await;
}

/// Two writers each read the audit chain's head and append after it, at
/// the same time: the write lock taken at BEGIN (SQLite) and the row lock
/// on the head (PostgreSQL) make them queue, so no append fails and the
/// chain stays whole.
#[actix_web::test]
async fn concurrent_writes_that_read_then_write_queue_instead_of_failing() {
    let app = TestApp::spawn().await;
    let before = {
        let mut conn = app.pool.get().unwrap();
        match audit::verify(&mut conn).unwrap() {
            Verdict::Intact { entries } => entries,
            broken => panic!("{broken:?}"),
        }
    };
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let pool = app.pool.clone();
            std::thread::spawn(move || {
                let mut conn = pool.get().unwrap();
                for i in 0..15 {
                    store::write(&mut conn, |c| {
                        audit::append(
                            c,
                            test_now(),
                            Entry::new(AuditAction::Update, None, "dialect", &format!("{w}-{i}")),
                        )
                    })
                    .expect("an append never fails for contention");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let mut conn = app.pool.get().unwrap();
    assert_eq!(
        audit::verify(&mut conn).unwrap(),
        Verdict::Intact {
            entries: before + 30
        }
    );
    app.stop().await;
}

/// Two claimers take due rows at the same time; each marks what it took
/// before committing. Neither ever gets a row the other has.
#[actix_web::test]
async fn claims_made_at_the_same_time_never_overlap() {
    let app = TestApp::spawn().await;
    {
        let mut conn = app.pool.get().unwrap();
        let amara = amara_id(&mut conn);
        for k in 0..6 {
            dialect::execute!(&mut *conn, notice_insert!(&amara, format!("claim-{k}"))).unwrap();
        }
    }
    let claim = |pool: store::Pool, owner: &'static str, took: Option<mpsc::Sender<()>>| {
        std::thread::spawn(move || {
            let mut conn = pool.get().unwrap();
            store::write(&mut conn, |c| {
                let query = account_notices::table
                    .filter(account_notices::state.eq("pending"))
                    .order(account_notices::idempotency_key.asc())
                    .limit(3)
                    .select(account_notices::id);
                let ids: Vec<String> = dialect::load_skip_locked!(c, query)?;
                if let Some(took) = took {
                    // Let the other claimer run while these rows are held.
                    took.send(()).unwrap();
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
                diesel::update(account_notices::table.filter(account_notices::id.eq_any(&ids)))
                    .set((
                        account_notices::state.eq("sending"),
                        account_notices::lease_owner.eq(owner),
                        account_notices::leased_until
                            .eq(store::to_db(test_now() + Duration::minutes(5))),
                    ))
                    .execute(c)?;
                Ok(ids)
            })
            .unwrap()
        })
    };
    let (tx, rx) = mpsc::channel();
    let first = claim(app.pool.clone(), "a", Some(tx));
    rx.recv().unwrap();
    let second = claim(app.pool.clone(), "b", None);
    let (a, b) = (first.join().unwrap(), second.join().unwrap());
    assert_eq!(a.len(), 3, "{a:?}");
    assert_eq!(b.len(), 3, "{b:?}");
    assert!(a.iter().all(|id| !b.contains(id)), "{a:?} / {b:?}");
    app.stop().await;
}

#[actix_web::test]
async fn every_migration_of_the_backend_is_applied_at_start() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    assert!(dialect::migrations_current(&mut conn).unwrap());
    assert_eq!(dialect::run_migrations(&mut conn).unwrap(), 0, "none left");
    app.stop().await;
}

/// Two writers each read a counter and write it back one higher, twenty
/// times between them. A row read to change it is held until the write
/// ends (`FOR UPDATE` on PostgreSQL, the write lock taken at BEGIN on
/// SQLite), so no increment is lost. Once through each locking read.
#[actix_web::test]
async fn a_row_read_to_change_it_is_held_until_the_write_ends() {
    let app = TestApp::spawn().await;
    {
        let mut conn = app.pool.get().unwrap();
        let amara = amara_id(&mut conn);
        dialect::execute!(&mut *conn, notice_insert!(&amara, "counter")).unwrap();
    }
    let writers: Vec<_> = [false, true]
        .into_iter()
        .map(|many| {
            let pool = app.pool.clone();
            std::thread::spawn(move || {
                let mut conn = pool.get().unwrap();
                for _ in 0..10 {
                    store::write(&mut conn, |c| {
                        let query = account_notices::table
                            .filter(account_notices::idempotency_key.eq("counter"))
                            .select(account_notices::attempts);
                        let seen: i32 = if many {
                            let rows: Vec<i32> = dialect::load_for_update!(c, query)?;
                            rows[0]
                        } else {
                            dialect::first_for_update!(c, query)?
                        };
                        // Give the other writer a chance to read meanwhile.
                        std::thread::sleep(std::time::Duration::from_millis(5));
                        diesel::update(
                            account_notices::table
                                .filter(account_notices::idempotency_key.eq("counter")),
                        )
                        .set(account_notices::attempts.eq(seen + 1))
                        .execute(c)?;
                        Ok(())
                    })
                    .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let mut conn = app.pool.get().unwrap();
    let attempts: i32 = account_notices::table
        .filter(account_notices::idempotency_key.eq("counter"))
        .select(account_notices::attempts)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(attempts, 20, "no increment lost");
    app.stop().await;
}

#[actix_web::test]
async fn a_multi_row_insert_stores_every_row() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let amara = amara_id(&mut conn);
    let ts = store::to_db(test_now());
    let rows: Vec<_> = (0..3)
        .map(|k| {
            (
                account_notices::id.eq(store::new_id()),
                account_notices::idempotency_key.eq(format!("many-{k}")),
                account_notices::user_id.eq(amara.clone()),
                account_notices::template.eq("account.sign_in_failures"),
                account_notices::data_json.eq("{}"),
                account_notices::state.eq("pending"),
                account_notices::send_after.eq(ts),
                account_notices::attempts.eq(0),
                account_notices::created_at.eq(ts),
                account_notices::updated_at.eq(ts),
            )
        })
        .collect();
    let insert = diesel::insert_into(account_notices::table).values(&rows);
    assert_eq!(dialect::execute!(&mut *conn, insert).unwrap(), 3);
    let stored: i64 = account_notices::table
        .filter(account_notices::idempotency_key.like("many-%"))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(stored, 3);
    app.stop().await;
}

/// A wake-up sent in a write reaches other instances when the write
/// commits, and never when it rolls back (PostgreSQL's `NOTIFY`); on
/// SQLite there is no one else to wake, and the call is harmless.
#[actix_web::test]
async fn a_wake_up_reaches_listeners_only_when_the_write_commits() {
    use diesel::Connection as _;
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let channel = dialect::Channel::NoticesDue;
    let mut listener = (dialect::backend_of(&conn) == Backend::Postgres).then(|| {
        let mut l = diesel::PgConnection::establish(&app.database_url).unwrap();
        diesel::sql_query(channel.listen_statement())
            .execute(&mut l)
            .unwrap();
        l
    });
    let rolled_back: Result<(), courtside::error::AppError> = store::write(&mut conn, |c| {
        dialect::notify_on_commit(c, channel)?;
        Err(courtside::error::AppError::Internal("roll back".into()))
    });
    assert!(rolled_back.is_err());
    store::write(&mut conn, |c| Ok(dialect::notify_on_commit(c, channel)?)).unwrap();
    if let Some(l) = listener.as_mut() {
        // PostgreSQL delivers in commit order: once the committed write's
        // notification is here, a rolled-back one would have come first.
        let mut got = Vec::new();
        for _ in 0..500 {
            got.extend(l.notifications_iter().map(|n| n.unwrap().channel));
            if !got.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(got, [channel.name().to_string()], "one, from the commit");
    }
    app.stop().await;
}

/// An `UPDATE ... RETURNING` names exactly the rows it changed: a row
/// that no longer matches its filter (changed meanwhile) is not named.
#[actix_web::test]
async fn an_update_names_the_rows_it_changed() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let amara = amara_id(&mut conn);
    for key in ["r1", "r2"] {
        dialect::execute!(&mut *conn, notice_insert!(&amara, key)).unwrap();
    }
    let take = |conn: &mut AnyConn| -> Vec<String> {
        let update = diesel::update(
            account_notices::table
                .filter(account_notices::idempotency_key.eq_any(["r1", "r2", "r3"]))
                .filter(account_notices::state.eq("pending")),
        )
        .set(account_notices::state.eq("sent"))
        .returning(account_notices::idempotency_key);
        let mut keys: Vec<String> = dialect::get_results!(conn, update).unwrap();
        keys.sort();
        keys
    };
    assert_eq!(take(&mut conn), ["r1", "r2"]);
    assert!(take(&mut conn).is_empty(), "nothing still matches");
    app.stop().await;
}

/// `in_list` (store/prepared.rs) pads a list to a power of two by
/// repeating its last value: it matches exactly what diesel's `eq_any`
/// matches, for lists of every length (with repeats and unknown values),
/// and lists of one padded length share one prepared statement. `kept`
/// keeps an UPDATE prepared, which diesel never does.
#[actix_web::test]
async fn in_list_matches_what_eq_any_matches_and_lists_and_kept_updates_are_prepared_once() {
    use courtside::store::InListDsl;
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let mut known: Vec<String> = users::table
        .select(users::id)
        .order(users::id.asc())
        .load(&mut *conn)
        .unwrap();
    known.truncate(12);
    assert!(known.len() >= 9, "the demo has users to list");
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    for len in 0..=known.len() + 3 {
        // Known ids, an unknown one, and a repeat.
        let mut list: Vec<String> = known.iter().take(len).cloned().collect();
        if len > known.len() {
            list.push("no-such-user".into());
            list.push(known[0].clone());
        }
        let listed: Vec<String> = users::table
            .filter(users::id.in_list(&list))
            .select(users::id)
            .load(&mut *conn)
            .unwrap();
        let any: Vec<String> = users::table
            .filter(users::id.eq_any(&list))
            .select(users::id)
            .load(&mut *conn)
            .unwrap();
        assert_eq!(sorted(listed), sorted(any), "a list of {len}");
    }
    // Prepared statements kept: one for lists of 5 to 8, one more for 9.
    let kept = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = kept.clone();
    diesel::Connection::set_instrumentation(
        &mut *conn,
        move |event: diesel::connection::InstrumentationEvent<'_>| {
            if matches!(
                event,
                diesel::connection::InstrumentationEvent::CacheQuery { .. }
            ) {
                counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        },
    );
    let kept_after = |len: usize, conn: &mut AnyConn| {
        let list: Vec<&str> = known.iter().take(len).map(String::as_str).collect();
        let n: i64 = users::table
            .filter(users::id.in_list(&list))
            .filter(users::active.eq(true).or(users::active.eq(false)))
            .count()
            .get_result(conn)
            .unwrap();
        assert_eq!(n, len as i64);
        kept.load(std::sync::atomic::Ordering::Relaxed)
    };
    let (first, _, _, fourth) = (
        kept_after(5, &mut conn),
        kept_after(6, &mut conn),
        kept_after(7, &mut conn),
        kept_after(8, &mut conn),
    );
    assert_eq!(first, 1, "the first list of 5 is prepared and kept");
    assert_eq!(fourth, 1, "lists of 6, 7 and 8 reuse it");
    assert_eq!(kept_after(9, &mut conn), 2, "a list of 9 is the next shape");
    // diesel keeps no UPDATE; `kept` keeps one under its text, and each run
    // still writes its own values.
    let activate = |active: bool, conn: &mut AnyConn| {
        diesel::update(users::table.filter(users::id.eq(&known[0])))
            .set(users::active.eq(active))
            .execute(conn)
            .unwrap();
        kept.load(std::sync::atomic::Ordering::Relaxed)
    };
    let keep_active = |active: bool, conn: &mut AnyConn| {
        store::kept(
            diesel::update(users::table.filter(users::id.eq(&known[0])))
                .set(users::active.eq(active)),
        )
        .execute(conn)
        .unwrap();
        let now: bool = users::table
            .find(&known[0])
            .select(users::active)
            .get_result(conn)
            .unwrap();
        assert_eq!(now, active, "the kept update wrote its own value");
        kept.load(std::sync::atomic::Ordering::Relaxed)
    };
    assert_eq!(activate(false, &mut conn), 2, "diesel keeps no update");
    assert_eq!(activate(true, &mut conn), 2);
    let first = keep_active(false, &mut conn);
    assert!(first > 2, "the first kept update is kept");
    assert_eq!(keep_active(true, &mut conn), first, "and reused");
    assert_eq!(keep_active(false, &mut conn), first);
    keep_active(true, &mut conn);
    drop(conn);
    app.stop().await;
}

/// A connection given back inside a transaction (a panic mid-write, say)
/// is dropped by the pool, not handed to the next request still inside
/// it, on either backend.
#[actix_web::test]
async fn a_connection_given_back_inside_a_transaction_is_not_handed_out_again() {
    use diesel::connection::{Connection, TransactionManager};
    type Manager = <AnyConn as Connection>::TransactionManager;
    let app = TestApp::spawn().await;
    // A pool of its own, of one connection, so the next check-out could
    // only be the same connection or a new one.
    let pool = store::open_pool(&app.database_url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    dialect::begin_write(&mut conn).unwrap();
    let depth = Manager::transaction_manager_status_mut(&mut conn)
        .transaction_depth()
        .unwrap();
    assert!(depth.is_some(), "inside the transaction");
    drop(conn);
    let mut conn = pool.get().unwrap();
    let depth = Manager::transaction_manager_status_mut(&mut conn)
        .transaction_depth()
        .unwrap();
    assert_eq!(
        depth, None,
        "the next check-out begins outside any transaction"
    );
    // And it can write (on SQLite the old one still held the file's lock).
    let amara = amara_id(&mut conn);
    let written = store::write(&mut conn, |c| {
        Ok(dialect::execute!(
            &mut *c,
            notice_insert!(&amara, "after-a-dropped-one")
        )?)
    })
    .unwrap();
    assert_eq!(written, 1);
}

#[derive(QueryableByName)]
struct BackendPid {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pid: i32,
}

fn backend_pid(conn: &mut AnyConn) -> diesel::QueryResult<i32> {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<BackendPid>(conn)
        .map(|p| p.pid)
}

/// Ends a server process from another connection, and waits until the
/// server no longer lists it.
fn end_backend(database_url: &str, pid: i32) {
    #[derive(QueryableByName)]
    struct Listed {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    use diesel::Connection as _;
    let mut admin = diesel::PgConnection::establish(database_url).unwrap();
    diesel::sql_query("SELECT pg_terminate_backend($1)")
        .bind::<diesel::sql_types::Integer, _>(pid)
        .execute(&mut admin)
        .unwrap();
    for _ in 0..200 {
        let listed: Listed =
            diesel::sql_query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1")
                .bind::<diesel::sql_types::Integer, _>(pid)
                .get_result(&mut admin)
                .unwrap();
        if listed.n == 0 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the server process {pid} did not end");
}

/// The pool hands out a PostgreSQL connection heard from a moment ago
/// without asking the server (no `SELECT 1` on every request); one whose
/// statement found it closed is dropped when given back, and the next
/// check-out is a new connection that works. One idle for longer than
/// `TRUSTED_AFTER_AN_ANSWER` is asked first, and replaced unseen if the
/// server has gone.
#[actix_web::test]
async fn a_lost_postgres_connection_is_dropped_and_replaced() {
    let app = TestApp::spawn().await;
    let pool = store::open_pool(&app.database_url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    if dialect::backend_of(&conn) != Backend::Postgres {
        assert!(
            !dialect::needs_checking(&mut conn),
            "a SQLite file has no server to lose"
        );
        return;
    }
    let first = backend_pid(&mut conn).unwrap();
    assert!(
        !dialect::needs_checking(&mut conn),
        "a connection that has just answered is trusted"
    );
    // Its server process ends while the connection is out.
    end_backend(&app.database_url, first);
    assert!(backend_pid(&mut conn).is_err(), "the connection is gone");
    assert!(dialect::is_lost(&mut conn), "its statement found it closed");
    drop(conn);
    let mut conn = pool.get().unwrap();
    let second = backend_pid(&mut conn).expect("the next check-out works");
    assert_ne!(second, first, "a new connection");
    drop(conn);

    // Idle for longer than it is trusted, then its server process ends:
    // the check-out asks, finds it gone and hands out a new one.
    std::thread::sleep(dialect::TRUSTED_AFTER_AN_ANSWER + std::time::Duration::from_millis(100));
    end_backend(&app.database_url, second);
    let mut conn = pool.get().unwrap();
    let third = backend_pid(&mut conn).expect("the check-out replaced the lost connection");
    assert_ne!(third, second);
}

#[derive(QueryableByName)]
struct Encrypted {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    ssl: bool,
}

fn encrypted(conn: &mut AnyConn) -> bool {
    diesel::sql_query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .get_result::<Encrypted>(conn)
        .unwrap()
        .ssl
}

/// A connection to a PostgreSQL server on this machine is not encrypted
/// (it would gain nothing), while one whose URL asks for TLS is, from the
/// same server (where the server offers TLS at all: this machine's does).
#[actix_web::test]
async fn a_connection_to_a_server_on_this_machine_is_not_encrypted_unless_asked() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    let on_this_machine = ["@127.0.0.1", "@localhost", "@[::1]"]
        .iter()
        .any(|h| app.database_url.contains(h));
    if dialect::backend_of(&conn) != Backend::Postgres || !on_this_machine {
        return;
    }
    assert!(!encrypted(&mut conn), "no TLS to a server on this machine");
    drop(conn);
    match store::open_pool(&format!("{}?sslmode=require", app.database_url), 1) {
        Ok(asked) => assert!(
            encrypted(&mut asked.get().unwrap()),
            "TLS when the URL asks for it"
        ),
        Err(e) => eprintln!("the server offers no TLS, so only the first half ran: {e}"),
    }
    app.stop().await;
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    synchronous_commit: String,
}

/// A write begun unflushed commits without waiting for the disk on
/// PostgreSQL (set with its `BEGIN`, outermost or nested), and only that
/// write: an ordinary write on the same connection afterwards waits.
#[actix_web::test]
async fn only_an_unflushed_write_commits_without_waiting_for_the_disk() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().unwrap();
    if dialect::backend_of(&conn) != Backend::Postgres {
        // SQLite commits as it always does.
        app.stop().await;
        return;
    }
    fn setting(conn: &mut AnyConn) -> courtside::error::AppResult<String> {
        Ok(diesel::sql_query("SHOW synchronous_commit")
            .get_result::<Setting>(conn)?
            .synchronous_commit)
    }
    assert_eq!(
        store::write_unflushed_with(&mut conn, setting).unwrap(),
        "off"
    );
    assert_eq!(store::write(&mut conn, setting).unwrap(), "on");
    let nested = store::write(&mut conn, |conn| {
        let inner = store::write_unflushed_with(conn, setting)?;
        Ok((inner, setting(conn)?))
    })
    .unwrap();
    assert_eq!(nested.0, "off", "nested, inside its savepoint");
    assert_eq!(store::write(&mut conn, setting).unwrap(), "on");
    drop(conn);
    app.stop().await;
}
