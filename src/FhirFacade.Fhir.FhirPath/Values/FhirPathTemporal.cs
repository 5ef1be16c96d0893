using System.Globalization;
using System.Text;

namespace FhirFacade.Fhir.FhirPath.Values;

/// <summary>
/// A FHIRPath <c>Date</c>, <c>DateTime</c> or <c>Time</c> with partial precision and an optional
/// timezone offset (<see href="http://hl7.org/fhirpath/N1/#date"/>). Values keep the precision they were
/// written with: comparing <c>@2020</c> with <c>@2020-01</c> is uncertain and yields empty.
/// </summary>
public sealed class FhirPathTemporal : IEquatable<FhirPathTemporal>
{
    private FhirPathTemporal(FhirPathTemporalKind kind, FhirPathPrecision precision, int year, int month, int day, int hour, int minute, int second, int millisecond, TimeSpan? offset)
    {
        Kind = kind;
        Precision = precision;
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        Millisecond = millisecond;
        Offset = offset;
    }

    /// <summary>Date, DateTime or Time.</summary>
    public FhirPathTemporalKind Kind { get; }

    /// <summary>The finest component present.</summary>
    public FhirPathPrecision Precision { get; }

    /// <summary>The year (0 for a Time).</summary>
    public int Year { get; }

    /// <summary>The month, 1-12, when the precision reaches it.</summary>
    public int Month { get; }

    /// <summary>The day of the month when the precision reaches it.</summary>
    public int Day { get; }

    /// <summary>The hour when the precision reaches it.</summary>
    public int Hour { get; }

    /// <summary>The minute when the precision reaches it.</summary>
    public int Minute { get; }

    /// <summary>The second when the precision reaches it.</summary>
    public int Second { get; }

    /// <summary>The millisecond when the precision is <see cref="FhirPathPrecision.Millisecond"/>.</summary>
    public int Millisecond { get; }

    /// <summary>The timezone offset, when one was given (DateTime only).</summary>
    public TimeSpan? Offset { get; }

    /// <summary>Parses a FHIR <c>date</c> value or a FHIRPath date literal body (<c>2020-01</c>).</summary>
    public static FhirPathTemporal? ParseDate(string text)
    {
        var result = ParseDateTime(text);
        return result is null || result.Precision > FhirPathPrecision.Day || result.Offset is not null || text.Contains('T', StringComparison.Ordinal)
            ? null
            : result.WithKind(FhirPathTemporalKind.Date);
    }

    /// <summary>Parses a FHIR <c>dateTime</c>/<c>instant</c> value or a FHIRPath date-time literal body (<c>2020-01-01T10:00Z</c>, <c>2020T</c>).</summary>
    public static FhirPathTemporal? ParseDateTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan();
        var pos = 0;
        if (!ReadDigits(s, ref pos, 4, out var year))
        {
            return null;
        }

        int month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
        var precision = FhirPathPrecision.Year;
        if (pos < s.Length && s[pos] == '-')
        {
            pos++;
            if (!ReadDigits(s, ref pos, 2, out month) || month is < 1 or > 12)
            {
                return null;
            }

            precision = FhirPathPrecision.Month;
            if (pos < s.Length && s[pos] == '-')
            {
                pos++;
                if (!ReadDigits(s, ref pos, 2, out day) || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 1 : year, month))
                {
                    return null;
                }

                precision = FhirPathPrecision.Day;
            }
        }

        TimeSpan? offset = null;
        if (pos < s.Length && s[pos] == 'T')
        {
            pos++;
            if (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                if (precision != FhirPathPrecision.Day || !ReadTime(s, ref pos, ref precision, out hour, out minute, out second, out ms))
                {
                    return null;
                }
            }

            if (pos < s.Length && !ReadOffset(s, ref pos, out offset))
            {
                return null;
            }
        }

        return pos != s.Length || year < 1
            ? null
            : new FhirPathTemporal(FhirPathTemporalKind.DateTime, precision, year, month, day, hour, minute, second, ms, offset);
    }

    /// <summary>Parses a FHIR <c>time</c> value or a FHIRPath time literal body without the <c>T</c> (<c>10:30</c>).</summary>
    public static FhirPathTemporal? ParseTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan();
        var pos = 0;
        var precision = FhirPathPrecision.Day;
        return ReadTime(s, ref pos, ref precision, out var hour, out var minute, out var second, out var ms) && pos == s.Length
            ? new FhirPathTemporal(FhirPathTemporalKind.Time, precision, 0, 1, 1, hour, minute, second, ms, null)
            : null;
    }

    /// <summary>A date-time from a clock reading, at millisecond precision.</summary>
    public static FhirPathTemporal FromDateTimeOffset(DateTimeOffset value, FhirPathTemporalKind kind)
    {
        return kind switch
        {
            FhirPathTemporalKind.Date => new FhirPathTemporal(kind, FhirPathPrecision.Day, value.Year, value.Month, value.Day, 0, 0, 0, 0, null),
            FhirPathTemporalKind.Time => new FhirPathTemporal(kind, FhirPathPrecision.Millisecond, 0, 1, 1, value.Hour, value.Minute, value.Second, value.Millisecond, null),
            _ => new FhirPathTemporal(kind, FhirPathPrecision.Millisecond, value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, value.Millisecond, value.Offset),
        };
    }

    /// <summary>
    /// Compares two values per <see href="http://hl7.org/fhirpath/N1/#comparison"/>: negative, zero or
    /// positive, or <see langword="null"/> when the answer depends on components one side lacks.
    /// Seconds and milliseconds count as one precision.
    /// </summary>
    public static int? Compare(FhirPathTemporal left, FhirPathTemporal right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if ((left.Offset is null) != (right.Offset is null) && left.Precision >= FhirPathPrecision.Hour && right.Precision >= FhirPathPrecision.Hour)
        {
            // One side has a timezone and the other does not: the instants cannot be lined up.
            return null;
        }

        if (left.Offset is not null && right.Offset is not null && (left.Offset != right.Offset))
        {
            left = left.ToUtc();
            right = right.ToUtc();
        }

        var timeOnly = left.Kind == FhirPathTemporalKind.Time;
        var start = timeOnly ? FhirPathPrecision.Hour : FhirPathPrecision.Year;
        for (var p = start; p <= FhirPathPrecision.Second; p++)
        {
            var lp = left.Precision >= p;
            var rp = right.Precision >= p;
            if (!lp && !rp)
            {
                return 0;
            }

            if (lp != rp)
            {
                return null;
            }

            var c = p == FhirPathPrecision.Second
                ? ((left.Second * 1000) + left.Millisecond).CompareTo((right.Second * 1000) + right.Millisecond)
                : left.Component(p).CompareTo(right.Component(p));
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>Adds a calendar duration or a UCUM time quantity; <see langword="null"/> when the unit is not a usable duration.</summary>
    internal FhirPathTemporal? Add(decimal amount, string unit)
    {
        var value = decimal.Truncate(amount);
        var anchor = new DateTime(Kind == FhirPathTemporalKind.Time ? 2000 : Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified);
        DateTime result;
        try
        {
            switch (unit)
            {
                case "year":
                    result = anchor.AddYears((int)value);
                    break;
                case "month":
                    result = Precision == FhirPathPrecision.Year ? anchor.AddYears((int)(value / 12)) : anchor.AddMonths((int)value);
                    break;
                default:
                    var factor = Ucum.DurationMilliseconds(unit);
                    if (factor is null)
                    {
                        return null;
                    }

                    var ms = value * factor.Value;
                    result = Precision switch
                    {
                        FhirPathPrecision.Year => anchor.AddYears((int)decimal.Truncate(ms / (365m * 86_400_000m))),
                        FhirPathPrecision.Month => anchor.AddMonths((int)decimal.Truncate(ms / (30m * 86_400_000m))),
                        FhirPathPrecision.Day => anchor.AddDays((double)decimal.Truncate(ms / 86_400_000m)),
                        FhirPathPrecision.Hour => anchor.AddHours((double)decimal.Truncate(ms / 3_600_000m)),
                        FhirPathPrecision.Minute => anchor.AddMinutes((double)decimal.Truncate(ms / 60_000m)),
                        FhirPathPrecision.Second => anchor.AddSeconds((double)decimal.Truncate(ms / 1000m)),
                        _ => anchor.AddMilliseconds((double)ms),
                    };
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }

        return new FhirPathTemporal(Kind, Precision, Kind == FhirPathTemporalKind.Time ? 0 : result.Year, result.Month, result.Day, result.Hour, result.Minute, result.Second, result.Millisecond, Offset);
    }

    /// <summary>Creates a value from components; callers guarantee they are valid.</summary>
    internal static FhirPathTemporal Create(FhirPathTemporalKind kind, FhirPathPrecision precision, int year, int month, int day, int hour, int minute, int second, int millisecond, TimeSpan? offset) =>
        new(kind, precision, year, month, day, hour, minute, second, millisecond, offset);

    /// <summary>This value as another kind (Date → DateTime keeps day precision).</summary>
    internal FhirPathTemporal WithKind(FhirPathTemporalKind kind) =>
        new(kind, Precision, Year, Month, Day, Hour, Minute, Second, Millisecond, Offset);

    /// <summary>The date part of a date-time.</summary>
    internal FhirPathTemporal ToDate() =>
        new(FhirPathTemporalKind.Date, Precision > FhirPathPrecision.Day ? FhirPathPrecision.Day : Precision, Year, Month, Day, 0, 0, 0, 0, null);

    /// <summary>The value as written in FHIR (<c>2020-01-01T10:00:00+01:00</c>), without the literal's <c>@</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(32);
        if (Kind != FhirPathTemporalKind.Time)
        {
            builder.Append(Year.ToString("D4", CultureInfo.InvariantCulture));
            if (Precision >= FhirPathPrecision.Month)
            {
                builder.Append('-').Append(Month.ToString("D2", CultureInfo.InvariantCulture));
            }

            if (Precision >= FhirPathPrecision.Day)
            {
                builder.Append('-').Append(Day.ToString("D2", CultureInfo.InvariantCulture));
            }

            if (Kind == FhirPathTemporalKind.Date || Precision < FhirPathPrecision.Hour)
            {
                return builder.ToString();
            }

            builder.Append('T');
        }

        builder.Append(Hour.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= FhirPathPrecision.Minute)
        {
            builder.Append(':').Append(Minute.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (Precision >= FhirPathPrecision.Second)
        {
            builder.Append(':').Append(Second.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (Precision >= FhirPathPrecision.Millisecond)
        {
            builder.Append('.').Append(Millisecond.ToString("D3", CultureInfo.InvariantCulture));
        }

        if (Offset is { } offset)
        {
            if (offset == TimeSpan.Zero)
            {
                builder.Append('Z');
            }
            else
            {
                builder.Append(offset < TimeSpan.Zero ? '-' : '+')
                    .Append(Math.Abs(offset.Hours).ToString("D2", CultureInfo.InvariantCulture))
                    .Append(':')
                    .Append(Math.Abs(offset.Minutes).ToString("D2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(FhirPathTemporal? other) =>
        other is not null && Kind == other.Kind && Precision == other.Precision && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FhirPathTemporal);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private int Component(FhirPathPrecision precision) => precision switch
    {
        FhirPathPrecision.Year => Year,
        FhirPathPrecision.Month => Month,
        FhirPathPrecision.Day => Day,
        FhirPathPrecision.Hour => Hour,
        FhirPathPrecision.Minute => Minute,
        _ => Second,
    };

    private FhirPathTemporal ToUtc()
    {
        if (Offset is not { } offset || Precision < FhirPathPrecision.Hour)
        {
            return this;
        }

        DateTime utc;
        try
        {
            utc = new DateTime(Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified) - offset;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Shifting 0001-01-01T00:00+01:00 to UTC leaves the calendar; compare it unshifted.
            return this;
        }

        return new FhirPathTemporal(Kind, Precision, utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, utc.Millisecond, TimeSpan.Zero);
    }

    private static bool ReadTime(ReadOnlySpan<char> s, ref int pos, ref FhirPathPrecision precision, out int hour, out int minute, out int second, out int ms)
    {
        minute = second = ms = 0;
        if (!ReadDigits(s, ref pos, 2, out hour) || hour > 23)
        {
            return false;
        }

        precision = FhirPathPrecision.Hour;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!ReadDigits(s, ref pos, 2, out minute) || minute > 59)
            {
                return false;
            }

            precision = FhirPathPrecision.Minute;
            if (pos < s.Length && s[pos] == ':')
            {
                pos++;
                if (!ReadDigits(s, ref pos, 2, out second) || second > 59)
                {
                    return false;
                }

                precision = FhirPathPrecision.Second;
                if (pos < s.Length && s[pos] == '.')
                {
                    pos++;
                    var start = pos;
                    while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                    {
                        pos++;
                    }

                    if (pos == start)
                    {
                        return false;
                    }

                    var digits = s[start..Math.Min(pos, start + 3)];
                    ms = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
                    for (var i = digits.Length; i < 3; i++)
                    {
                        ms *= 10;
                    }

                    precision = FhirPathPrecision.Millisecond;
                }
            }
        }

        return true;
    }

    private static bool ReadOffset(ReadOnlySpan<char> s, ref int pos, out TimeSpan? offset)
    {
        offset = null;
        if (s[pos] == 'Z')
        {
            pos++;
            offset = TimeSpan.Zero;
            return true;
        }

        if (s[pos] is not ('+' or '-'))
        {
            return false;
        }

        var negative = s[pos] == '-';
        pos++;
        if (!ReadDigits(s, ref pos, 2, out var hours) || pos >= s.Length || s[pos] != ':')
        {
            return false;
        }

        pos++;
        if (!ReadDigits(s, ref pos, 2, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        var span = new TimeSpan(hours, minutes, 0);
        offset = negative ? -span : span;
        return true;
    }

    private static bool ReadDigits(ReadOnlySpan<char> s, ref int pos, int count, out int value)
    {
        value = 0;
        if (pos + count > s.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var c = s[pos + i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        pos += count;
        return true;
    }
}
