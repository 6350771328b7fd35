namespace BaoCao.Deadlines.Domain;

/// <summary>A date of the Vietnamese lunisolar calendar.</summary>
internal readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth);

/// <summary>
/// The Vietnamese lunisolar calendar, computed for the meridian of UTC+7 (Vietnam's time since 1967; earlier
/// dates follow the same rule, as Vietnamese almanacs do). The framework's ChineseLunisolarCalendar is computed
/// for UTC+8 and differs in some years (Tết 1985, 2007), so it is not used.
///
/// Rules: a month begins on the local day of a new moon; the month containing the winter solstice is month 11;
/// when 13 months lie between two months 11, the first of them with no major solar term (sun longitude a multiple
/// of 30°) is the leap month and repeats the number of the month before it.
///
/// Astronomy from Jean Meeus, Astronomical Algorithms (2nd ed.): mean new moon with its periodic and planetary
/// corrections (ch. 49), the Sun's apparent longitude (ch. 25) and ΔT from the Espenak–Meeus polynomials.
/// Accuracy is minutes for the new moons and about a quarter of an hour for the solar terms.
/// </summary>
internal static class LunarCalendar
{
    public static readonly DateOnly Earliest = new(1900, 1, 31);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    private const double TimeZoneHours = 7;
    private const double SynodicMonth = 29.530588861;
    private const double FirstNewMoonOf2000 = 2451550.09766; // Meeus k = 0: 6 January 2000

    public static LunarDate FromSolar(DateOnly date)
    {
        if (date < Earliest || date > Latest)
            throw new ArgumentOutOfRangeException(nameof(date), $"Lunar dates are computed for {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.");
        var day = Jdn(date);
        // The mean month only estimates which new moon began this month: step to the true one.
        var k = (int)Math.Floor((day - FirstNewMoonOf2000) / SynodicMonth);
        while (NewMoonDay(k) > day)
            k--;
        while (NewMoonDay(k + 1) <= day)
            k++;
        var monthStart = NewMoonDay(k);

        var a11 = Month11(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = Month11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = Month11(date.Year + 1);
        }

        var monthsSince11 = (int)Math.Floor((monthStart - a11) / 29.0);
        var month = monthsSince11 + 11;
        var leap = false;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            if (monthsSince11 >= leapOffset)
            {
                month = monthsSince11 + 10;
                leap = monthsSince11 == leapOffset;
            }
        }
        if (month > 12)
            month -= 12;
        if (month >= 11 && monthsSince11 < 4)
            lunarYear--;
        return new LunarDate(lunarYear, month, day - monthStart + 1, leap);
    }

    /// <summary>The solar date of a lunar date, or null when there is no such day (a leap month that year lacks,
    /// or day 30 of a 29-day month).</summary>
    public static DateOnly? ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth)
    {
        if (lunarMonth is < 1 or > 12 || lunarDay is < 1 or > 30 || lunarYear < Earliest.Year || lunarYear > Latest.Year)
            return null;
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = Month11(lunarYear - 1);
            b11 = Month11(lunarYear);
        }
        else
        {
            a11 = Month11(lunarYear);
            b11 = Month11(lunarYear + 1);
        }
        var k = (int)Math.Floor((a11 - FirstNewMoonOf2000) / SynodicMonth + 0.5);
        var offset = lunarMonth - 11;
        if (offset < 0)
            offset += 12;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonthNumber = leapOffset - 2;
            if (leapMonthNumber < 0)
                leapMonthNumber += 12;
            if (leapMonth && lunarMonth != leapMonthNumber)
                return null;
            if (leapMonth || offset >= leapOffset)
                offset++;
        }
        else if (leapMonth)
        {
            return null;
        }
        var monthStart = NewMoonDay(k + offset);
        var monthLength = NewMoonDay(k + offset + 1) - monthStart;
        if (lunarDay > monthLength)
            return null;
        var result = FromJdn(monthStart + lunarDay - 1);
        return result < Earliest || result > Latest ? null : result;
    }

    /// <summary>The leap month of a lunar year (its number), or null in a common year.</summary>
    public static int? LeapMonthOf(int lunarYear)
    {
        var a11 = Month11(lunarYear - 1);
        var b11 = Month11(lunarYear);
        if (b11 - a11 <= 365)
            return null;
        var leap = LeapMonthOffset(a11) - 2;
        return leap <= 0 ? leap + 12 : leap;
    }

    private static int Jdn(DateOnly date) => date.DayNumber + 1721426;

    private static DateOnly FromJdn(int jdn) => DateOnly.FromDayNumber(jdn - 1721426);

    /// <summary>The local (UTC+7) Julian day number of the day of new moon number k (k = 0: January 2000).</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoonUt(k) + 0.5 + TimeZoneHours / 24);

    /// <summary>Index (0–11) of the 30° sector the Sun is in at the start of local day <paramref name="jdn"/>.</summary>
    private static int SolarTermAtStartOf(int jdn) => (int)Math.Floor(SunLongitude(jdn - 0.5 - TimeZoneHours / 24) / 30);

    /// <summary>The first day of month 11 (the month with the winter solstice) of solar year <paramref name="year"/>.</summary>
    private static int Month11(int year)
    {
        var lastDay = Jdn(new DateOnly(year, 12, 31));
        var k = (int)Math.Floor((lastDay - FirstNewMoonOf2000) / SynodicMonth);
        var start = NewMoonDay(k);
        if (start > lastDay)
            start = NewMoonDay(--k);
        // The solstice (270°) already past when this month began: month 11 is the one before.
        return SolarTermAtStartOf(start) >= 9 ? NewMoonDay(k - 1) : start;
    }

    /// <summary>How many months after month 11 the leap month comes: the first month without a major term.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - FirstNewMoonOf2000) / SynodicMonth + 0.5);
        var i = 1;
        var term = SolarTermAtStartOf(NewMoonDay(k + i));
        int previous;
        do
        {
            previous = term;
            i++;
            term = SolarTermAtStartOf(NewMoonDay(k + i));
        } while (term != previous && i < 14);
        return i - 1;
    }

    // --- Meeus, chapter 49: the true new moon, in Julian Ephemeris Days, converted to UT ---
    private static double NewMoonUt(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;
        var jde = FirstNewMoonOf2000 + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = Radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        var mp = Radians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        var f = Radians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        var omega = Radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        var correction =
            -0.40720 * Math.Sin(mp)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mp)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mp - m)
            - 0.00514 * e * Math.Sin(mp + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mp - 2 * f)
            - 0.00057 * Math.Sin(mp + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mp + m)
            - 0.00042 * Math.Sin(3 * mp)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mp - m)
            - 0.00017 * Math.Sin(omega)
            - 0.00007 * Math.Sin(mp + 2 * m)
            + 0.00004 * Math.Sin(2 * mp - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mp + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mp + 2 * f)
            - 0.00003 * Math.Sin(mp + m + 2 * f)
            + 0.00003 * Math.Sin(mp - m + 2 * f)
            - 0.00002 * Math.Sin(mp - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mp + m)
            + 0.00002 * Math.Sin(4 * mp);

        double[] planetary =
        [
            0.000325 * Math.Sin(Radians(299.77 + 0.107408 * k - 0.009173 * t2)),
            0.000165 * Math.Sin(Radians(251.88 + 0.016321 * k)),
            0.000164 * Math.Sin(Radians(251.83 + 26.651886 * k)),
            0.000126 * Math.Sin(Radians(349.42 + 36.412478 * k)),
            0.000110 * Math.Sin(Radians(84.66 + 18.206239 * k)),
            0.000062 * Math.Sin(Radians(141.74 + 53.303771 * k)),
            0.000060 * Math.Sin(Radians(207.14 + 2.453732 * k)),
            0.000056 * Math.Sin(Radians(154.84 + 7.306860 * k)),
            0.000047 * Math.Sin(Radians(34.52 + 27.261239 * k)),
            0.000042 * Math.Sin(Radians(207.19 + 0.121824 * k)),
            0.000040 * Math.Sin(Radians(291.34 + 1.844379 * k)),
            0.000037 * Math.Sin(Radians(161.72 + 24.198154 * k)),
            0.000035 * Math.Sin(Radians(239.56 + 25.513099 * k)),
            0.000023 * Math.Sin(Radians(331.55 + 3.592518 * k)),
        ];
        jde += correction + planetary.Sum();
        return jde - DeltaTSeconds(2000 + k / 12.3685) / 86400;
    }

    // --- Meeus, chapter 25 (low accuracy): the Sun's apparent longitude in degrees at a UT Julian day ---
    private static double SunLongitude(double jdUt)
    {
        var t = (jdUt - 2451545.0) / 36525;
        var l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var m = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(m)
                + (0.019993 - 0.000101 * t) * Math.Sin(2 * m)
                + 0.000289 * Math.Sin(3 * m);
        var omega = Radians(125.04 - 1934.136 * t);
        var apparent = l0 + c - 0.00569 - 0.00478 * Math.Sin(omega);
        apparent %= 360;
        return apparent < 0 ? apparent + 360 : apparent;
    }

    /// <summary>ΔT = TT − UT in seconds (Espenak and Meeus polynomials, 1900–2150).</summary>
    private static double DeltaTSeconds(double year)
    {
        double t;
        switch (year)
        {
            case < 1920:
                t = year - 1900;
                return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
            case < 1941:
                t = year - 1920;
                return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
            case < 1961:
                t = year - 1950;
                return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
            case < 1986:
                t = year - 1975;
                return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
            case < 2005:
                t = year - 2000;
                return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
            case < 2050:
                t = year - 2000;
                return 62.92 + 0.32217 * t + 0.005589 * t * t;
            default:
                var u = (year - 1820) / 100;
                return -20 + 32 * u * u - 0.5628 * (2150 - year);
        }
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
