package cn.bijie.innovation.shared.ledger;

/**
 * One ledger counter: how many subsidies are in {@code status} and their yuan, for one value of one dimension
 * ({@code all}, {@code year}, {@code county}, {@code kind}, {@code kindLevel} ({@code <kind>#<level>}), {@code rule},
 * {@code paidYear}).
 */
public record LedgerCount(String status, String dimension, String value, long count, long yuan) {}
