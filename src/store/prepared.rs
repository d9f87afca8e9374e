//! Statements kept prepared that diesel would prepare anew on every run.
//!
//! **Lists.** diesel writes `eq_any` over a list as one bind per value on
//! SQLite and marks the statement as never to be kept prepared, since its
//! text changes with the list's length; so every run parses and plans it
//! again.
//! On the delivery path (claims, records, the checks before sending) that
//! was about a tenth of the time on SQLite. Here the list is padded to the
//! next power of two by repeating its last value (which changes nothing an
//! `IN` matches), so a list of any length up to [`super::IN_CHUNK`] has one
//! of ten texts, each prepared once per connection and reused.
//!
//! Both databases get the same statement. Callers chunk their lists by
//! [`super::IN_CHUNK`] as before.
//!
//! **Updates.** diesel never keeps an UPDATE prepared (a changeset may
//! leave columns out, so one statement type can have several texts). On
//! SQLite each is parsed and planned again; on PostgreSQL each is a
//! separate prepare and execute, two round trips. [`kept`] keeps one
//! under its text, like any other statement diesel keeps: for the few
//! written on every notice delivered (the claim, the record, the audit
//! chain's head).

use diesel::backend::Backend;
use diesel::expression::{
    is_aggregate, AppearsOnTable, Expression, SelectableExpression, ValidGrouping,
};
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::RunQueryDsl;
use diesel::serialize::ToSql;
use diesel::sql_types::{Bool, HasSqlType};

/// `column IN (v1, …, vn, vn, …)`, padded to a power of two; `1=0` for
/// no values, as diesel's `eq_any` writes it.
#[derive(Debug, Clone, Copy)]
pub struct InList<'a, C, V> {
    column: C,
    values: &'a [V],
}

/// `.in_list(&values)` on any expression, in place of `.eq_any(&values)`.
pub trait InListDsl: Expression + Sized {
    fn in_list<V>(self, values: &[V]) -> InList<'_, Self, V> {
        InList {
            column: self,
            values,
        }
    }
}

impl<C: Expression> InListDsl for C {}

/// How many binds a list of `len` values is written with.
pub fn padded_len(len: usize) -> usize {
    len.next_power_of_two()
}

impl<C, V> Expression for InList<'_, C, V>
where
    C: Expression,
{
    type SqlType = Bool;
}

impl<C, V, DB> QueryFragment<DB> for InList<'_, C, V>
where
    DB: Backend + HasSqlType<C::SqlType>,
    C: Expression + QueryFragment<DB>,
    V: ToSql<C::SqlType, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> diesel::QueryResult<()> {
        let Some(last) = self.values.last() else {
            out.push_sql("1=0");
            return Ok(());
        };
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (");
        let padded = padded_len(self.values.len());
        let repeats = std::iter::repeat_n(last, padded - self.values.len());
        for (i, value) in self.values.iter().chain(repeats).enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_bind_param::<C::SqlType, V>(value)?;
        }
        out.push_sql(")");
        Ok(())
    }
}

// Not a static query id: diesel then keeps the prepared statement by its
// text, of which there are few.
impl<C, V> QueryId for InList<'_, C, V> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<C, V> ValidGrouping<()> for InList<'_, C, V> {
    type IsAggregate = is_aggregate::Never;
}

impl<C, V, QS> AppearsOnTable<QS> for InList<'_, C, V> where C: AppearsOnTable<QS> {}

impl<C, V, QS> SelectableExpression<QS> for InList<'_, C, V> where C: SelectableExpression<QS> {}

/// `query`, kept prepared under its text. Only for a statement whose text
/// comes in a few shapes: lists through [`InListDsl::in_list`], never
/// `eq_any` over a list or a multi-row insert from a list (each length
/// would be kept as another statement).
pub fn kept<Q>(query: Q) -> Kept<Q> {
    Kept(query)
}

/// See [`kept`].
#[derive(Debug, Clone, Copy)]
pub struct Kept<Q>(Q);

impl<Q, DB> QueryFragment<DB> for Kept<Q>
where
    DB: Backend,
    Q: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, DB>) -> diesel::QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> diesel::QueryResult<bool> {
        Ok(true)
    }
}

// Kept by its text (never by its type, whose text can vary).
impl<Q> QueryId for Kept<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Kept<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, Conn> RunQueryDsl<Conn> for Kept<Q> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_padded_to_ten_shapes_up_to_a_chunk() {
        let shapes: std::collections::BTreeSet<usize> =
            (1..=super::super::IN_CHUNK).map(padded_len).collect();
        assert_eq!(
            shapes.into_iter().collect::<Vec<_>>(),
            vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
        );
        assert_eq!(padded_len(5), 8);
        assert_eq!(padded_len(8), 8);
    }
}
