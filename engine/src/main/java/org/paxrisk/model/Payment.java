package org.paxrisk.model;

import java.math.BigDecimal;

/**
 * A form of payment (PNR FOP) with, where the booking says so, the person who paid (IFT 4:43).
 *
 * @param type CA cash, CC credit card, CK cheque, MS miscellaneous, and others as sent
 * @param amount amount paid, or null
 * @param cardVendor card vendor code such as VI, AX, or null
 * @param cardNumber the card number as sent (airlines mask most digits), or null
 * @param cardExpiry card expiry as sent (MMYY), or null
 * @param payerName the sponsor or payer named in the booking, or null
 */
public record Payment(
    String type,
    BigDecimal amount,
    String cardVendor,
    String cardNumber,
    String cardExpiry,
    String payerName) {

  public boolean isCash() {
    return "CA".equals(type);
  }

  public boolean isCard() {
    return "CC".equals(type);
  }

  @Override
  public String toString() {
    return "Payment[type=" + type + "]";
  }
}
