//! Images (PNG, JPEG, WebP): the payloads of their QR codes, then their text by OCR.
//!
//! The image's size is read from its header before anything is decoded, so that a small
//! file claiming a huge image (a decompression bomb) is refused without allocating it; the
//! decoder also runs under an allocation limit. The image is turned upright from its EXIF
//! orientation (phone photos), flattened onto white where it is transparent, and read in
//! 8-bit grey. Regions are in pixels of the upright image.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageDecoder, ImageError, ImageFormat, ImageReader};

use crate::{ocr, qr, Ctx, Document, ExtractError, FileType, Location, Segment, Source};

/// Bytes per pixel the decoder may allocate: RGBA with 16 bits a channel, the widest
/// format the supported decoders produce.
const MAX_BYTES_PER_PIXEL: u64 = 8;

pub(crate) fn extract(
    file_type: FileType,
    bytes: &[u8],
    ctx: &Ctx,
) -> Result<Document, ExtractError> {
    let grey = decode(file_type, bytes, ctx)?;
    ctx.check_time()?;

    let mut document = Document {
        file_type,
        pages: 1,
        segments: Vec::new(),
        warnings: Vec::new(),
    };

    read(&grey, &Location::default(), ctx, &mut document)?;
    Ok(document)
}

/// Reads a grey image into `document`: the payloads of its QR codes, then its text by OCR
/// (when enabled), as segments at `location` (each QR code with its own region). Shared by
/// image files and the PDF pages that are read as images.
pub(crate) fn read(
    grey: &GrayImage,
    location: &Location,
    ctx: &Ctx,
    document: &mut Document,
) -> Result<(), ExtractError> {
    let (codes, warnings) = qr::decode(grey);
    document.warnings.extend(warnings);
    for code in codes {
        document.segments.push(Segment::text(
            code.text,
            Source::QrCode,
            Location {
                region: Some(code.region),
                ..location.clone()
            },
        ));
    }
    ctx.check_time()?;

    if ctx.ocr.enabled {
        let found = ocr::recognize(grey, ctx)?;
        document.warnings.extend(found.warnings);
        if !found.text.is_empty() {
            document.segments.push(Segment {
                text: found.text,
                source: Source::Ocr,
                location: location.clone(),
                boxes: found.boxes,
                regions: Vec::new(),
            });
        }
        ctx.check_time()?;
    }
    Ok(())
}

/// The image in 8-bit grey, upright, transparent parts on white.
fn decode(file_type: FileType, bytes: &[u8], ctx: &Ctx) -> Result<GrayImage, ExtractError> {
    let format = match file_type {
        FileType::Png => ImageFormat::Png,
        FileType::Jpeg => ImageFormat::Jpeg,
        FileType::Webp => ImageFormat::WebP,
        other => {
            return Err(ExtractError::Unsupported(format!(
                "{other} is not an image format"
            )))
        }
    };
    let corrupt = |error: ImageError| ExtractError::Corrupt {
        file_type,
        reason: error.to_string(),
    };
    let limit = ctx.limits.max_pixels;

    // The header alone: the size, before anything is allocated for the pixels.
    let mut header = ImageReader::with_format(Cursor::new(bytes), format);
    header.no_limits();
    let (width, height) = header.into_dimensions().map_err(corrupt)?;
    let too_large = ExtractError::ImageTooLarge {
        width,
        height,
        limit,
    };
    if u64::from(width) * u64::from(height) > limit {
        return Err(too_large);
    }
    if width == 0 || height == 0 {
        return Err(ExtractError::Corrupt {
            file_type,
            reason: format!("the image is {width}x{height} pixels"),
        });
    }

    let mut limits = image::Limits::default();
    limits.max_alloc = Some(limit.saturating_mul(MAX_BYTES_PER_PIXEL));
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|error| match error {
        ImageError::Limits(_) => too_large.clone(),
        other => corrupt(other),
    })?;
    // A missing or unreadable EXIF orientation is not worth failing the image for.
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|error| match error {
        ImageError::Limits(_) => too_large.clone(),
        other => corrupt(other),
    })?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(grey(image))
}

/// 8-bit grey, with transparent pixels blended onto white (a logo or sticker with black
/// text on a transparent background would otherwise be black on black).
fn grey(image: DynamicImage) -> GrayImage {
    if !image.color().has_alpha() {
        return image.into_luma8();
    }
    let with_alpha = image.into_luma_alpha8();
    let (width, height) = with_alpha.dimensions();
    let pixels = with_alpha
        .as_raw()
        .chunks_exact(2)
        .map(|pair| {
            let (luma, alpha) = (u32::from(pair[0]), u32::from(pair[1]));
            ((luma * alpha + 255 * (255 - alpha) + 127) / 255) as u8
        })
        .collect();
    GrayImage::from_raw(width, height, pixels).unwrap_or_else(|| GrayImage::new(width, height))
}
