using System;
using System.Globalization;
using PortalIo.Signing;
using Xunit;

namespace PortalIo.Tests.Signing
{
    public class DateCultureTests
    {
        [Theory]
        [InlineData("de-DE")]
        [InlineData("ar-SA")]
        [InlineData("th-TH")]
        [InlineData("ja-JP")]
        public void Date_header_is_rfc7231_whatever_the_current_culture(string culture)
        {
            var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                var instant = new DateTimeOffset(2026, 4, 6, 0, 22, 19, TimeSpan.Zero);
                Assert.Equal("Mon, 06 Apr 2026 00:22:19 GMT", PortalDate.Format(instant));
                Assert.Equal("Mon, 06 Apr 2026 00:22:19 GMT", PortalDate.Format(instant.ToOffset(TimeSpan.FromHours(3))));
                Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d \d\d:\d\d:\d\d GMT$", PortalDate.Now());
            }
            finally
            {
                CultureInfo.CurrentCulture = saved.Item1;
                CultureInfo.CurrentUICulture = saved.Item2;
            }
        }
    }
}
