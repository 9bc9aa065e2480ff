package org.linkwork.referral.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A column that holds a person's identifier: encrypted on write, decrypted on read. */
@Converter
public class Encrypted implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String value) {
        return FieldEncryption.configured().encrypt(value);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return FieldEncryption.configured().decrypt(column);
    }
}
